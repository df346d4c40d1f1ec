DROP TABLE retired_usernames;
DROP TABLE known_clients;

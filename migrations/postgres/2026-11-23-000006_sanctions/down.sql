DROP TABLE settings;
DROP TABLE sanctions;

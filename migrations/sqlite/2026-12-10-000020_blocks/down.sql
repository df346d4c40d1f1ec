DROP TABLE group_mutes;
DROP TABLE thread_mutes;
DROP TABLE blocks;

DROP TABLE message_reports;
DROP TABLE messages;
DROP TABLE conversation_members;
DROP TABLE conversations;
ALTER TABLE users DROP COLUMN messages_enabled;

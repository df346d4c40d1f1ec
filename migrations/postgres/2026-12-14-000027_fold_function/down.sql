DROP FUNCTION activity_fold(BIGINT);

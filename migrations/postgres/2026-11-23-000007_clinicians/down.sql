ALTER TABLE users DROP COLUMN clinician_specialty;
DROP TABLE clinician_applications;

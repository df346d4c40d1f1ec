//! Forum-wide settings as key/value rows; a missing key means its default.

use diesel::prelude::*;

use super::schema::settings;
use super::AnyConnection;
use crate::error::AppError;

pub fn all(conn: &mut AnyConnection) -> Result<Vec<(String, String)>, AppError> {
    Ok(settings::table
        .select((settings::key, settings::value))
        .load(conn)?)
}

pub fn get(conn: &mut AnyConnection, key: &str) -> Result<Option<String>, AppError> {
    Ok(settings::table
        .find(key)
        .select(settings::value)
        .first(conn)
        .optional()?)
}

/// Insert or replace (both backends: delete then insert, inside the caller's transaction).
pub fn set(conn: &mut AnyConnection, key: &str, value: &str) -> Result<(), AppError> {
    diesel::delete(settings::table.find(key)).execute(conn)?;
    diesel::insert_into(settings::table)
        .values((settings::key.eq(key), settings::value.eq(value)))
        .execute(conn)?;
    Ok(())
}

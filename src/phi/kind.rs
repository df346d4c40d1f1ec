//! The 18 kinds of identifier, one per HIPAA Safe Harbor item (45 CFR 164.514(b)(2)(i)).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Kind {
    Name,
    Address,
    Zip,
    Date,
    #[serde(rename = "AGE_OVER_89")]
    AgeOver89,
    Phone,
    Fax,
    Email,
    Ssn,
    Mrn,
    HealthPlanId,
    Account,
    License,
    Vehicle,
    DeviceId,
    Url,
    Ip,
    OtherId,
}

impl Kind {
    pub const ALL: [Kind; 18] = [
        Kind::Name,
        Kind::Address,
        Kind::Zip,
        Kind::Date,
        Kind::AgeOver89,
        Kind::Phone,
        Kind::Fax,
        Kind::Email,
        Kind::Ssn,
        Kind::Mrn,
        Kind::HealthPlanId,
        Kind::Account,
        Kind::License,
        Kind::Vehicle,
        Kind::DeviceId,
        Kind::Url,
        Kind::Ip,
        Kind::OtherId,
    ];

    pub fn as_str(self) -> &'static str {
        // Kept in step with the serde names by the `names_match_serde` test.
        match self {
            Kind::Name => "NAME",
            Kind::Address => "ADDRESS",
            Kind::Zip => "ZIP",
            Kind::Date => "DATE",
            Kind::AgeOver89 => "AGE_OVER_89",
            Kind::Phone => "PHONE",
            Kind::Fax => "FAX",
            Kind::Email => "EMAIL",
            Kind::Ssn => "SSN",
            Kind::Mrn => "MRN",
            Kind::HealthPlanId => "HEALTH_PLAN_ID",
            Kind::Account => "ACCOUNT",
            Kind::License => "LICENSE",
            Kind::Vehicle => "VEHICLE",
            Kind::DeviceId => "DEVICE_ID",
            Kind::Url => "URL",
            Kind::Ip => "IP",
            Kind::OtherId => "OTHER_ID",
        }
    }

    /// What a member reads beside a highlighted span.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Name => "a person's name",
            Kind::Address => "a street address or town",
            Kind::Zip => "a ZIP code",
            Kind::Date => "an exact date",
            Kind::AgeOver89 => "an age over 89",
            Kind::Phone => "a phone number",
            Kind::Fax => "a fax number",
            Kind::Email => "an email address",
            Kind::Ssn => "a Social Security number",
            Kind::Mrn => "a medical record number",
            Kind::HealthPlanId => "an insurance or Medicare number",
            Kind::Account => "an account or card number",
            Kind::License => "a licence or certificate number",
            Kind::Vehicle => "a licence plate or VIN",
            Kind::DeviceId => "a device serial number",
            Kind::Url => "a personal web link",
            Kind::Ip => "an IP address",
            Kind::OtherId => "an identifying number or username",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_serde() {
        for k in Kind::ALL {
            assert_eq!(
                serde_json::to_value(k).ok(),
                Some(serde_json::json!(k.as_str()))
            );
        }
    }
}

//! What a clinician's application is made of, parsed: an NPI whose check digit holds, a US state
//! or territory, a licence number, a specialty from a fixed list.

use crate::error::AppError;

/// A National Provider Identifier: 10 digits, the last a Luhn check digit computed over the
/// prefix 80840 and the first nine (CMS, "NPI check digit").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Npi(String);

impl Npi {
    pub fn parse(raw: &str) -> Result<Npi, AppError> {
        let digits: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if digits.len() != 10 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AppError::validation("npi", "An NPI is 10 digits."));
        }
        if !luhn_ok(&format!("80840{digits}")) {
            return Err(AppError::validation(
                "npi",
                "That NPI's check digit is wrong: please check the number on your NPPES record.",
            ));
        }
        Ok(Npi(digits))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

pub const STATES: [&str; 56] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
];

pub fn parse_state(raw: &str) -> Result<String, AppError> {
    let s = raw.trim().to_ascii_uppercase();
    if STATES.contains(&s.as_str()) {
        Ok(s)
    } else {
        Err(AppError::validation(
            "license_state",
            "Give the US state or territory of your licence as its two-letter code, like MA.",
        ))
    }
}

pub fn parse_license_number(raw: &str) -> Result<String, AppError> {
    let s = raw.trim();
    if s.is_empty()
        || s.chars().count() > 30
        || !s
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ' ')
    {
        return Err(AppError::validation(
            "license_number",
            "Give your licence number (letters, digits and dashes, up to 30).",
        ));
    }
    Ok(s.to_owned())
}

/// The specialties a badge can show: common board specialties and the other professions that
/// answer patients' questions.
pub const SPECIALTIES: [&str; 35] = [
    "Allergy and Immunology",
    "Anesthesiology",
    "Cardiology",
    "Dermatology",
    "Emergency Medicine",
    "Endocrinology",
    "Family Medicine",
    "Gastroenterology",
    "Geriatric Medicine",
    "Hematology",
    "Infectious Disease",
    "Internal Medicine",
    "Medical Genetics",
    "Nephrology",
    "Neurology",
    "Obstetrics and Gynecology",
    "Oncology",
    "Ophthalmology",
    "Orthopedic Surgery",
    "Otolaryngology",
    "Pain Medicine",
    "Pediatrics",
    "Physical Medicine and Rehabilitation",
    "Psychiatry",
    "Pulmonology",
    "Radiology",
    "Rheumatology",
    "Surgery",
    "Urology",
    "Nursing",
    "Pharmacy",
    "Physiotherapy",
    "Dietetics",
    "Social Work",
    "Psychology",
];

pub fn parse_specialty(raw: &str) -> Result<&'static str, AppError> {
    let wanted = raw.trim();
    SPECIALTIES
        .iter()
        .find(|s| s.eq_ignore_ascii_case(wanted))
        .copied()
        .ok_or_else(|| AppError::validation("specialty", "Choose a specialty from the list."))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The check digit the algorithm gives for nine leading digits.
    fn with_check_digit(nine: &str) -> String {
        (0..10)
            .map(|d| format!("{nine}{d}"))
            .find(|n| luhn_ok(&format!("80840{n}")))
            .unwrap_or_default()
    }

    #[test]
    fn npi_check_digits() {
        assert!(Npi::parse("1234567893").is_ok(), "CMS's worked example");
        assert!(Npi::parse("1234567890").is_err());
        for nine in ["123456789", "198765432", "100000000", "299999999"] {
            let good = with_check_digit(nine);
            assert!(Npi::parse(&good).is_ok(), "{good}");
            let last = good.as_bytes()[9] - b'0';
            let off = format!("{nine}{}", (last + 1) % 10);
            assert!(Npi::parse(&off).is_err(), "{off} is one off");
        }
        for bad in ["", "123456789", "12345678901", "12345a7893"] {
            assert!(Npi::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn states_and_specialties() {
        assert_eq!(parse_state(" ma ").ok().as_deref(), Some("MA"));
        assert!(parse_state("ZZ").is_err());
        assert_eq!(parse_specialty("rheumatology").ok(), Some("Rheumatology"));
        assert!(parse_specialty("Astrology").is_err());
        assert!(parse_license_number("").is_err());
    }
}

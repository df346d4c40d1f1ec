//! Sentences in many styles (cased and lower-case, punctuated or not, digits spelled out)
//! through all identifier detectors together, and adversarial inputs for linear time.

use super::*;
use crate::phi::HOLD_AT;

/// What the detectors would hold in `s`: (kind, text) of findings at the hold threshold.
fn held(s: &str) -> Vec<(Kind, String)> {
    let text = Text::new(s);
    let mut out = Vec::new();
    detect(&text, &mut out);
    out.retain(|f| f.confidence >= HOLD_AT);
    out.iter()
        .map(|f| (f.kind, s[f.start..f.end].to_owned()))
        .collect()
}

#[test]
fn identifiers_in_many_styles_are_held() {
    use Kind::*;
    let cases: &[(&str, Kind, &str)] = &[
        (
            "my cell is four one two, five five five, zero one nine nine",
            Phone,
            "four one two, five five five, zero one nine nine",
        ),
        ("call me 412 555 0199 after work", Phone, "412 555 0199"),
        ("text me at 412.555.0199", Phone, "412.555.0199"),
        (
            "reach me at +1 (412) 555-0199 ext. 12",
            Phone,
            "+1 (412) 555-0199 ext. 12",
        ),
        ("my number 4125550199", Phone, "4125550199"),
        ("you can call my husband at 555-0199", Phone, "555-0199"),
        (
            "Feel free to call me at (412) 555-0199 if you want to talk.",
            Phone,
            "(412) 555-0199",
        ),
        (
            "my mum in leeds is on +44 113 496 0000",
            Phone,
            "+44 113 496 0000",
        ),
        ("fax it to 412 555 0188 attn billing", Fax, "412 555 0188"),
        ("Fax: 1-602-795-6626", Fax, "1-602-795-6626"),
        ("MRN: 00123456", Mrn, "00123456"),
        ("mrn#1234567", Mrn, "1234567"),
        ("my mrn is e7046044", Mrn, "e7046044"),
        ("hospital number 12-34-567", Mrn, "12-34-567"),
        (
            "The wristband said medical record number 40-91-171.",
            Mrn,
            "40-91-171",
        ),
        ("member id W123456789", HealthPlanId, "W123456789"),
        (
            "my member id is w 123 456 789",
            HealthPlanId,
            "w 123 456 789",
        ),
        (
            "medicare number 1eg4-te5-mk73",
            HealthPlanId,
            "1eg4-te5-mk73",
        ),
        ("my mbi is 1EG4TE5MK73", HealthPlanId, "1EG4TE5MK73"),
        ("policy # ABC12345678", HealthPlanId, "ABC12345678"),
        ("acct no. 123-456-789", Account, "123-456-789"),
        ("account number 1234 5678 9012", Account, "1234 5678 9012"),
        (
            "my card 4111 1111 1111 1111 got declined",
            Account,
            "4111 1111 1111 1111",
        ),
        ("ssn 123456789", Ssn, "123456789"),
        ("social 123 45 6789", Ssn, "123 45 6789"),
        ("They want my SSN, it's 403-76-2214.", Ssn, "403-76-2214"),
        (
            "my social security number is one two three four five six seven eight nine",
            Ssn,
            "one two three four five six seven eight nine",
        ),
        ("drivers license d1234567", License, "d1234567"),
        ("dl # 123 456 789", License, "123 456 789"),
        ("cannabis card mmj 4649 8214", License, "mmj 4649 8214"),
        ("plate number abc 1234", Vehicle, "abc 1234"),
        ("my car is a silver civic tag 7xyz123", Vehicle, "7xyz123"),
        ("vin 1hgcm82633a004352", Vehicle, "1hgcm82633a004352"),
        ("pump serial sn 12345678", DeviceId, "sn 12345678"),
        ("dexcom transmitter 8r4bul", DeviceId, "8r4bul"),
        (
            "pacemaker serial number is pjn123456s",
            DeviceId,
            "pjn123456s",
        ),
        ("employee id emp12345", OtherId, "emp12345"),
        ("case number 2023-cv-01234", OtherId, "2023-cv-01234"),
        ("prior auth pa12345678", OtherId, "pa12345678"),
        ("my portal username is jdoe_1987", OtherId, "jdoe_1987"),
        ("my username is sunflowermama", OtherId, "sunflowermama"),
        (
            "my fingerprint id 7337-4311-58 at the clinic",
            OtherId,
            "7337-4311-58",
        ),
        (
            "email jane.doe+ra@gmail.com",
            Email,
            "jane.doe+ra@gmail.com",
        ),
        (
            "email me jane dot doe at gmail dot com",
            Email,
            "jane dot doe at gmail dot com",
        ),
        (
            "my blog caringbridge.org/visit/janedoe",
            Url,
            "caringbridge.org/visit/janedoe",
        ),
        (
            "follow my journey at www.lupuswarriorjane.com",
            Url,
            "www.lupuswarriorjane.com",
        ),
        ("my ip is 192.168.1.45 lol", Ip, "192.168.1.45"),
        ("ipv6 2001:db8::1", Ip, "2001:db8::1"),
        // Issue 16: numbers of other countries, after the word that names them.
        ("ref KLM/48213 on the letter", OtherId, "KLM/48213"),
        ("ref klm/48213 on the letter", OtherId, "klm/48213"),
        // Session 10: a reference's short last part, British registrations.
        ("my dwp ref DWP/8831/22", OtherId, "DWP/8831/22"),
        ("case ref MH/2291/b on the letter", OtherId, "MH/2291/b"),
        ("license plate KD19 XYZ", Vehicle, "KD19 XYZ"),
        ("my reg is YK68 TRU if you see me", Vehicle, "YK68 TRU"),
        ("car reg yk68 tru", Vehicle, "yk68 tru"),
        // Session 14: India's registrations, clinicians' registers by name.
        ("his plate is KA 05 MN 4417", Vehicle, "KA 05 MN 4417"),
        ("plate was MH12 DE 1433.", Vehicle, "MH12 DE 1433"),
        // Session 22: other countries' registrations in groups, and an identifier's seven
        // digits and a letter (no dose's unit).
        ("Number plate LAG-644SK, the car", Vehicle, "LAG-644SK"),
        ("my rego is ZMH-142, can I get a permit", Vehicle, "ZMH-142"),
        (
            "Kenteken WC-252-T, parkeerkaart aangevraagd",
            Vehicle,
            "WC-252-T",
        ),
        ("his pps number is 7500436x and", Ssn, "7500436x"),
        ("his GMC number is 7123456", License, "7123456"),
        (
            "my nhs number is 485 777 3456",
            HealthPlanId,
            "485 777 3456",
        ),
        ("ticket #4821376 with the council", OtherId, "4821376"),
        ("pip reference AB482137C", OtherId, "AB482137C"),
        ("case XY4821376 is still open", OtherId, "XY4821376"),
        ("billing ref KLM-482137", Account, "KLM-482137"),
        (
            "it got charged to 4821 3765 1234 9876",
            Account,
            "4821 3765 1234 9876",
        ),
        ("my nhs number 485 777 3456", HealthPlanId, "485 777 3456"),
        ("ohip 1234-567-890", HealthPlanId, "1234-567-890"),
        ("fax it to (02) 9876 5432", Fax, "(02) 9876 5432"),
        ("faxed to (412) 555-0199 last week", Fax, "(412) 555-0199"),
    ];
    for (s, kind, want) in cases {
        let got = held(s);
        assert!(got.contains(&(*kind, (*want).to_owned())), "{s}: {got:?}");
    }
}

/// Canada's Social Insurance Number after its names (English, French, lower case, spoken),
/// typed as the Social Security number it is the equivalent of; only when Luhn-valid, since
/// "sin" and "NAS" are words too.
#[test]
fn canadian_social_insurance_numbers() {
    for (s, want) in [
        ("My SIN is 046 454 286, is that needed?", "046 454 286"),
        ("social insurance number: 046-454-286", "046-454-286"),
        ("my sin 046454286", "046454286"),
        (
            "Mon numéro d'assurance sociale est 046 454 286.",
            "046 454 286",
        ),
        ("NAS 046-454-286", "046-454-286"),
        (
            "my sin is zero four six four five four two eight six",
            "zero four six four five four two eight six",
        ),
    ] {
        let got = held(s);
        assert!(
            got.iter().any(|(k, v)| *k == Kind::Ssn && v == want),
            "{s}: {got:?}"
        );
    }
    for s in [
        // One digit off: no SIN passes the check with it.
        "my sin 046 454 287",
        // "sin" and "NAS" as words.
        "it's a sin to skip 3 doses of 250 mg",
        "my NAS holds 123456789 bytes of scans",
        "SIN 046 454 28",
    ] {
        let got = held(s);
        assert!(!got.iter().any(|(k, _)| *k == Kind::Ssn), "{s}: {got:?}");
    }
}

#[test]
fn what_patients_safely_say_is_not_held() {
    for s in [
        "humira 40 mg every other week and vitamin d 2000iu",
        "if you're struggling ring samaritans on 116 123 or lifeline 13 11 14",
        "healthdirect 1800 022 222 and beyond blue 1300 22 4636 are free",
        "kids help phone 1-800-668-6868, any time",
        "it cost me 1500 dollars and i paid 20 quid for parking",
        "vitamin D 2,000 IU daily plus B12 1000 mcg",
        "A1C 7.2, TSH 4.5, BP 130/85, platelets 142,000",
        // Session 14: a lab result after a device's word, a national health line abroad.
        "a mum of two, on a pump, HbA1c 52",
        "Portugal's SNS 24 line is 808 24 24 24",
        "my ana was 1:320 and my ldl 130",
        "code E11.9 and M05.79 on the claim, CPT 99214",
        "NDC 12345-6789-01, lot R8A7179, expires 2026",
        // Session 19: medicines' numbers abroad.
        "PZN 06673537 is the code the Apotheke wanted for the pen",
        "DIN 02242963 on the box, same as before",
        "LOSARTANA 50 MG, LOTE EE8762K, VALIDADE 04/2025",
        "The trial I joined is listed publicly as NCT04280705.",
        "schedule 1-0-1 and 2-1-0 for the tablets",
        "sliding scale 150-200 = 2 units, 201-250 = 4 units",
        "I walked 10,432 steps and weigh 212 lbs",
        "the bill was $412 and then $1,250.00",
        "took it at 8:30 and woke at 4:10",
        "diagnosed in 2019, born in 1975, now 67",
        "BRCA2 positive, HLA-B27 negative, JAK2 V617F, COVID-19, H1N1",
        "ratio 1:10 for breakfast and 1:12 otherwise",
        "If you are in crisis please call or text 988",
        "Poison Help is 1-800-222-1222 if you double up by mistake.",
        "medlineplus.gov and https://www.cdc.gov/diabetes/ are great",
        "see mayoclinic.org/diseases-conditions/lupus/symptoms-causes/syc-20365789",
        "my insurance card says take 1-2 tabs every 4-6 hours",
        "my plan is 2 units per 15 carbs and 150-200 mg/dl target",
        "insurance covered 80% after the $1500 deductible",
        "the pump delivers 0.85 units per hour from 8:30",
        "my cgm reads 142 mg/dl and my meter said 138",
        "version 1.2.3.4 of the dexcom app and ios 17.4.1",
        "born 03-14-2012 and 3/14/12 and 2012-03-14",
        "zip 15213 or 15213-1234 near 1234 main st",
        "my dexcom g7 and omnipod 5 and tandem t:slim x2",
        "the nurse line 1-866-555-0100 was useless",
        "i was at walmart.com looking for a pill box",
        "member since 2019 and on medicare since 2021",
        "my account got locked so i had to call twice",
        "ozempic 0.5 mg weekly then 1 mg from week 5",
        "my temp was 101.3 at 10:15 pm",
        "gene panel showed mthfr c677t and apoe4",
        "the 2-3-2 schedule works for me",
        "my group meets every tuesday at 7",
        "claim was denied twice in 2024 and again 2025",
        "my username is the same as here",
        "i can't handle it anymore",
        "the car broke down on i-95 near exit 12",
        "plate 3 in my ankle from 2015",
        "my record was 14 days without a migraine",
        "Patient is a 38-year-old male with a history of headaches",
        "Temperature hit 101.3 so I called the after-hours line.",
        "I read the page on lupus from Mayo Clinic and it helped.",
        "Boise, ID 83702 has a good support group",
        // Session 10: a plate's letters that are a word, "reg" as regular insulin, a date's
        // parts after a slash.
        "my reg is AB12 the same as before",
        "reg 10 units before meals",
        "ref 12/03/22 was the date",
        "call the helpline on 0800 808 0000",
        "call nhs 111 or 0300 123 1053",
        // Session 22: a registrar, a dose, a strain.
        "The reg was lovely, spent 40 minutes with us.",
        "vit d 50000iu weekly for 8 weeks",
        "the plate is covid-19 safe",
    ] {
        assert_eq!(held(s), [], "{s}");
    }
}

/// Session 11: a card's or account's last four digits after "ending (in)", Australia's UR
/// number, "rego", and a booking's confirmation code; chat's "ur", four digits with no
/// account's word, and codes of public things are not held.
#[test]
fn last_four_ur_numbers_rego_and_confirmation_codes() {
    use Kind::*;
    for (s, kind, want) in [
        ("my acct ending in 4471 got charged twice", Account, "4471"),
        ("the card ending 8823 was declined", Account, "8823"),
        (
            "visa ends in 0192 if the billing office asks",
            Account,
            "0192",
        ),
        ("UR no. 1192384 is on my wristband", Mrn, "1192384"),
        // Session 19: the labels of letters abroad.
        ("portal shows: no dossier 4146876", Mrn, "4146876"),
        (
            "prontuário 532425-2 no hospital das clínicas",
            Mrn,
            "532425-2",
        ),
        ("aviso: siniestro #6353415. rechazado", OtherId, "6353415"),
        (
            "centrelink: crn 587 101 660t, carer payment",
            OtherId,
            "587 101 660t",
        ),
        ("my sss no. 14-5813094-1 read out loud", Ssn, "14-5813094-1"),
        (
            "PHN 9521 887 460 printed on the letter",
            HealthPlanId,
            "9521 887 460",
        ),
        ("my ur number is 00482913 if the ward asks", Mrn, "00482913"),
        (
            "rego 1ABC234 parked in the disabled bay",
            Vehicle,
            "1ABC234",
        ),
        (
            "the booking confirmation code QX7P2M for the scan",
            OtherId,
            "QX7P2M",
        ),
        ("booking code ZK4419 for the infusion", OtherId, "ZK4419"),
        // Session 20: a state's number for a person abroad is typed as its SSN.
        ("my NI number is QQ 12 34 56 C", Ssn, "QQ 12 34 56"),
        ("national insurance no AB123456C", Ssn, "AB123456C"),
        ("my PAN is ABCPD1234E", OtherId, "ABCPD1234E"),
        ("hosp no RX1192384", Mrn, "RX1192384"),
    ] {
        let got = held(s);
        assert!(
            got.iter().any(|(k, v)| *k == kind && v == want),
            "{s}: {got:?}"
        );
    }
    for s in [
        "ending in 4471 steps a day",
        "my card ending soon so i renewed",
        "the account ending was a shock",
        "card ending in 25 mg tablets",
        "whats ur number 4471",
        "ur no 1 fan here",
        "ur number is too high mate, 9.4",
        "rego due in march",
        "confirmation code sent to my phone, just entered it",
        "promo code SAVE20 at the pharmacy",
        "icd code M05.79 on the letter",
        "pan fried 2 eggs",
        "my ni contributions are paid up to 2024",
        "the hosp was busy, 4 hours wait",
    ] {
        assert_eq!(held(s), [], "{s}");
    }
}

#[test]
fn adversarial_inputs_finish() {
    const MB: usize = 1 << 20;
    let inputs = [
        "sin 046 454 286 ".repeat(60_000),
        "1".repeat(MB),
        "1-".repeat(MB / 2),
        "1 ".repeat(MB / 2),
        "1.".repeat(MB / 2),
        ".".repeat(MB),
        "@".repeat(MB),
        ":".repeat(MB),
        "a".repeat(MB),
        "a.".repeat(MB / 2),
        "a1".repeat(MB / 2),
        "one ".repeat(MB / 4),
        "mrn ".repeat(MB / 4),
        "mrn 1 ".repeat(MB / 6),
        format!("http://{}", "a".repeat(MB)),
        "4111 ".repeat(MB / 5),
        "a@b.".repeat(MB / 4),
        "1:".repeat(MB / 2),
        "call 555-0199 ".repeat(MB / 14),
        "é1".repeat(MB / 3),
        // Session 10: plates after "reg", references in many slashed parts.
        "reg AB12 CDE ".repeat(MB / 13),
        "ref AB/1234/5/".repeat(MB / 14),
        // Session 11: last fours, UR numbers, confirmation codes.
        "acct ending in 4471 ".repeat(MB / 20),
        "my UR no. ".repeat(MB / 10),
        "confirmation code ".repeat(MB / 18),
        "my NI number is QQ 12 ".repeat(MB / 22),
    ];
    for input in &inputs {
        let text = Text::new(input);
        let mut out = Vec::new();
        detect(&text, &mut out);
        assert!(out.iter().all(|f| f.start <= f.end && f.end <= input.len()));
    }
}

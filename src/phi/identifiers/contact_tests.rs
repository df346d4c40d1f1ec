//! Tests of the phone and fax detector (`contact`), kept apart to keep the detector short.

use super::*;

fn kinds(s: &str) -> Vec<(Kind, String)> {
    let text = Text::new(s);
    let spoken = super::super::spoken::runs(&text);
    let mut out = Vec::new();
    detect(&text, &spoken, &mut out);
    out.retain(|f| f.confidence >= 0.5);
    out.iter()
        .map(|f| (f.kind, s[f.start..f.end].to_owned()))
        .collect()
}

#[test]
fn phones_in_many_spellings() {
    for (s, want) in [
        ("call me at (412) 555-0199", "(412) 555-0199"),
        ("my cell 412-555-0199 anytime", "412-555-0199"),
        ("412.555.0199 is my number", "412.555.0199"),
        ("reach me on +1 (412) 555-0199", "+1 (412) 555-0199"),
        ("text 4125550199", "4125550199"),
        (
            "number is 1-412-555-0199 ext. 12 ok",
            "1-412-555-0199 ext. 12",
        ),
        ("my mum in london +44 20 7946 0958", "+44 20 7946 0958"),
        ("just call 555-0199 after six", "555-0199"),
        ("just call 555-0199", "555-0199"),
    ] {
        let got = kinds(s);
        assert!(
            got.contains(&(Kind::Phone, want.to_owned())),
            "{s}: {got:?}"
        );
        assert!(got.iter().all(|(k, _)| *k == Kind::Phone), "{s}: {got:?}");
    }
    assert_eq!(kinds("fax the forms to 412 555 0199")[0].0, Kind::Fax);
    assert_eq!(
        kinds("four one two five five five zero one nine nine")[0].0,
        Kind::Phone
    );
}

#[test]
fn hotlines_and_look_alikes_are_not_phones() {
    for s in [
        "Poison Help is 1-800-222-1222 if you double up",
        "call the nurse line at 1-888-555-0100 for refills",
        "call or text 988",
        "my schedule is 1-0-1 and sliding scale 150-200",
        "NDC 12345-6789-01 is the same drug",
        "born 03-14-2012, zip 15213-1234",
        "walked 10,432 steps at 8:30",
    ] {
        assert_eq!(kinds(s), [], "{s}");
    }
    assert_eq!(kinds("my cell is 1-800-555-0199").len(), 1);
}

#[test]
fn national_numbers_abroad_are_phones_in_their_own_shapes() {
    for (s, want) in [
        ("ring my mum on 020 7946 0958 tonight", "020 7946 0958"),
        ("her mobile is 07700 900123", "07700 900123"),
        ("je suis au 06 12 34 56 78 le soir", "06 12 34 56 78"),
        ("Praxis 030 1234 5678, Dr. Weber", "030 1234 5678"),
        ("my number 0412 345 678 if you're in sydney", "0412 345 678"),
        ("the clinic (02) 9876 5432 was kind", "(02) 9876 5432"),
        ("meu celular (11) 91234-5678", "(11) 91234-5678"),
        ("whatsapp 98765 43210 for the group", "98765 43210"),
        ("mi casa 55 1234 5678 en la ciudad", "55 1234 5678"),
        ("text me 0917 123 4567 po", "0917 123 4567"),
        ("call 0803 123 4567 anytime", "0803 123 4567"),
        ("mobile 612 34 56 78", "612 34 56 78"),
        ("ring 087 123 4567 after work", "087 123 4567"),
        ("his number is 07700900123", "07700900123"),
        ("bel me op 06-12345678", "06-12345678"),
        ("my landline (01) 234 5678", "(01) 234 5678"),
        // Named by the word after it, on its line; eight digits (Denmark, Norway, Cyprus)
        // where a word says it is a phone.
        ("416 60 039 office\n", "416 60 039"),
        ("28-64-66-98 office", "28-64-66-98"),
        ("781 1704 office", "781 1704"),
        ("They're not answering at 78 651 450", "78 651 450"),
        ("stop the messages to 699 956 915", "699 956 915"),
    ] {
        let got = kinds(s);
        assert!(
            got.contains(&(Kind::Phone, want.to_owned())),
            "{s}: wanted {want:?}, got {got:?}"
        );
    }
    // Session 5: the label after a number names it before a cue that belongs to another.
    for (s, want, kind) in [
        (
            "(579)888-3058 fax\n001-518-640-0854 mobile",
            "(579)888-3058",
            Kind::Fax,
        ),
        (
            "930.167.3943 fax\n+447700677662 mobile",
            "+447700677662",
            Kind::Phone,
        ),
        (
            "+46 (0)8 928 571 38 fax\n+1-984-182-0190 mobile",
            "+1-984-182-0190",
            Kind::Phone,
        ),
        (
            "930.167.3943 fax\n412-555-0188",
            "412-555-0188",
            Kind::Phone,
        ),
        ("Fax: 412-555-0199", "412-555-0199", Kind::Fax),
        (
            "Phone 412-555-0100 Fax 412-555-0199",
            "412-555-0199",
            Kind::Fax,
        ),
        (
            "tel 412-555-0100, fax: 412-555-0199 (office)",
            "412-555-0199",
            Kind::Fax,
        ),
        (
            "fax 020 7946 0959\nmobile 07700 900123",
            "07700 900123",
            Kind::Phone,
        ),
        // Session 20: a fax word further back in the sentence, with no phone word between.
        (
            "fax the referral to Dr Huang's office at (626) 555-0142 today",
            "(626) 555-0142",
            Kind::Fax,
        ),
        (
            "the pharmacy faxes his repeat list to 01632 960 418 every month",
            "01632 960 418",
            Kind::Fax,
        ),
        (
            "we still fax the forms but you can call the ward on 01632 960 418",
            "01632 960 418",
            Kind::Phone,
        ),
        (
            "I hate the fax machine. Ring me on 01632 960 418 instead",
            "01632 960 418",
            Kind::Phone,
        ),
    ] {
        let got = kinds(s);
        assert!(got.contains(&(kind, want.to_owned())), "{s}: {got:?}");
    }
    assert_eq!(
        kinds("fax it to 020 7946 0959 please"),
        [(Kind::Fax, "020 7946 0959".to_owned())]
    );
}

#[test]
fn other_numbers_in_groups_are_not_phones_abroad() {
    for s in [
        "we raised 1 234 567 euros",
        "the study had 12 000 000 people",
        "on 2024 01 15 and 15.01.2024 I went",
        "my router is 192.168.10.25 at home",
        "took 10 000 steps and 2 500 mg",
        "the trial ran from 2019 to 2021 with 3 345 patients",
        "ISBN 978 0 14 044913 6 is the book",
        "page 12 34 of the leaflet",
        "room 0123 on floor 4",
        "the NDC 0083-3324-80 is the same drug",
        "my pharmacist said 02239-9853-44 is the generic",
        // Eight digits with no word about calling, or a label for the next line.
        "we counted 12 345 678 cells",
        "ref 28-64-66-98\nOffice: closed",
    ] {
        assert_eq!(kinds(s), [], "{s}");
    }
}

/// Session 10: freephone and non-geographic service lines abroad are a business's or a
/// helpline's, unless the post ties them to a person; ordinary numbers abroad stay phones.
#[test]
fn service_lines_abroad_are_not_phones_unless_personal() {
    for s in [
        "call the helpline on 0800 808 0000",
        "crohns and colitis uk helpline 0300 222 5700",
        "ring the support line 0345 123 4567 mon to fri",
        "freephone 0808 800 4040",
        "call +44 800 123 4567 for the charity",
        "ring 1800 123 456 for the pharmacy",
        "ring 0300 123 4567 to book my appointment",
    ] {
        let got = crate::phi::scan(s, crate::phi::Writer::Member);
        assert!(!got.held, "{s}: {got:?}");
    }
    for s in [
        "call me on 0800 808 0000",
        "my mobile is 07700 900123",
        "ring my husband on 0345 123 4567",
        "ring 0300.555.1234 that is my brother he speaks urdu",
        "my landline is 020 7946 0018",
        "fax the referral to 0300 123 4567",
        "fax: 0800 123 4567",
    ] {
        let got = crate::phi::scan(s, crate::phi::Writer::Member);
        assert!(got.held, "{s}: {got:?}");
    }
}

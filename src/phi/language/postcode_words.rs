//! The words around other countries' postcodes: those that name a code before it, regions
//! written between a town and its code, and two letters that are no Dutch code's.

/// Words that name a postcode just before it.
pub(super) fn code_cue(w: &str) -> bool {
    matches!(
        w,
        "postcode"
            | "postcodes"
            | "postal"
            | "pincode"
            | "pin"
            | "cep"
            | "cp"
            | "plz"
            | "eircode"
            | "codigo"
            | "código"
            | "postleitzahl"
            | "postnummer"
            | "postnr"
            | "zip"
            | "zipcode"
    )
}

/// State, province and territory abbreviations written between a town and its postcode.
pub(super) fn region_abbr(w: &str) -> bool {
    matches!(
        w,
        "nsw"
            | "vic"
            | "qld"
            | "wa"
            | "sa"
            | "tas"
            | "act"
            | "nt"
            | "qc"
            | "on"
            | "bc"
            | "ab"
            | "mb"
            | "ns"
            | "nb"
            | "sk"
            | "pe"
            | "nl"
            | "yt"
            | "cdmx"
            | "sp"
            | "rj"
            | "mg"
    )
}

/// Whether the two letters of "1234 AB" can be a Dutch postcode's: never SA, SD or SS, and not
/// a unit or a short word ("2000 iu", "3204 ta", "1999 im").
pub(super) fn dutch_letters(l: &str) -> bool {
    !matches!(
        l,
        "sa" | "sd"
            | "ss"
            | "ta"
            | "to"
            | "in"
            | "on"
            | "at"
            | "is"
            | "it"
            | "am"
            | "pm"
            | "an"
            | "as"
            | "be"
            | "by"
            | "do"
            | "go"
            | "he"
            | "hi"
            | "if"
            | "me"
            | "my"
            | "no"
            | "of"
            | "ok"
            | "or"
            | "so"
            | "up"
            | "us"
            | "we"
            | "iu"
            | "mg"
            | "ml"
            | "kg"
            | "km"
            | "lb"
            | "xx"
            | "ty"
            | "np"
            | "yo"
            | "st"
            | "nd"
            | "rd"
            | "th"
            | "im"
            | "ur"
            | "bc"
            | "ad"
            | "mi"
            | "ft"
            | "cm"
            | "mm"
            | "hr"
            | "ms"
            | "mr"
            | "dr"
            | "ie"
            | "eg"
    )
}

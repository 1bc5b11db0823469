/// What an incident id may be, whichever dataset it comes from: any text that is not empty and holds no
/// control character (U+0000–U+001F, U+007F–U+009F). Everything else — `<`, quotes, commas, spaces, any
/// script, a leading `=` — is written into exports and read back exactly.
public enum IncidentIDRule {
    /// How the rule reads in a diagnostic.
    public static let statement = "may be any text without control characters"

    /// Whether `text` can be an incident id.
    public static func accepts(_ text: String) -> Bool {
        !text.isEmpty && !text.unicodeScalars.contains(where: isControl)
    }

    /// Whether `scalar` is a control character (Unicode category Cc).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

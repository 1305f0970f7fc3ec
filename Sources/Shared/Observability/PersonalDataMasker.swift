import Foundation

/// Masks personal data in log lines (API.md: CPF, phone numbers, e-mail addresses and message
/// text are masked at every level above debug). Patterns are deliberately broad: a false
/// positive costs a digit string in a log, a false negative leaks a customer's number.
public enum PersonalDataMasker {
    /// Metadata keys whose values are message text or payloads: replaced whole.
    static let textKeys: Set<String> = ["text", "message.text", "body", "content", "payload", "message.body"]

    private static let email = try! NSRegularExpression(pattern: #"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"#)
    /// 000.000.000-00 with or without punctuation.
    private static let cpf = try! NSRegularExpression(pattern: #"(?<!\d)\d{3}\.?\d{3}\.?\d{3}-?\d{2}(?!\d)"#)
    /// Digit runs with the separators people write in phone numbers.
    private static let phone = try! NSRegularExpression(pattern: #"(?<![\w])\+?\(?\d[\d\s().\-]{6,}\d(?!\d)"#)

    public static func mask(_ text: String) -> String {
        guard mightHoldPersonalData(text), !isUUID(text) else { return text }
        return applyingPatterns(text)
    }

    /// A UUID in its canonical form (call, request and session ids): an identifier to trace,
    /// never personal data, even when its last group holds eleven digits in a row, which
    /// the CPF and phone patterns would take (about one id in 250).
    static func isUUID(_ text: String) -> Bool {
        text.utf8.count == 36 && UUID(uuidString: text) != nil
    }

    /// The patterns' replacements, always run.
    static func applyingPatterns(_ text: String) -> String {
        var out = text
        for (regex, replacement) in [(email, "<email>"), (cpf, "<cpf>")] {
            out = regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: replacement)
        }
        // Phones: only spans with at least 10 digits, an area code and a number (dates, counts and
        // durations stay readable).
        let matches = phone.matches(in: out, range: NSRange(out.startIndex..., in: out)).reversed()
        for match in matches {
            guard let range = Range(match.range, in: out) else { continue }
            if out[range].filter(\.isNumber).count >= 10 { out.replaceSubrange(range, with: "<phone>") }
        }
        return out
    }

    /// False only when no pattern can match, so the regular expressions (by far the dearest
    /// part of a log line) run only where they might find something. An e-mail needs an "@";
    /// a CPF (11 digits) and a phone (10 or more) both lie inside one run of digits, spaces
    /// and `( ) . - +` holding at least 10 digits. Anything counted as a digit or space
    /// here is a superset of the patterns' `\d` and `\s`, so the check never hides a match.
    /// Counts and most ids fail it (UUIDs mostly have letters between short digit runs; the
    /// rest are let through by `isUUID`).
    static func mightHoldPersonalData(_ text: String) -> Bool {
        var digits = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case "@": return true
            case " ", "(", ")", ".", "-", "+", "\t", "\n", "\r", "\u{0B}", "\u{0C}": continue
            default:
                if scalar.isASCII {
                    digits = 0
                } else if scalar.properties.numericType != nil {
                    digits += 1
                } else if !scalar.properties.isWhitespace {
                    digits = 0
                }
            }
            if digits >= 10 { return true }
        }
        return false
    }

    /// A metadata value with text fields redacted and the rest masked.
    public static func mask(key: String, _ value: String) -> String {
        if textKeys.contains(key.lowercased()) { return "<redacted \(value.count) chars>" }
        return mask(value)
    }
}

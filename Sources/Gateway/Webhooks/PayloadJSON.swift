import Foundation
import Shared

/// Reading loosely typed platform JSON.
enum PayloadJSON {
    static func parse(_ bytes: some Collection<UInt8>) throws(WebhookParseError) -> JSONValue {
        do {
            return try JSONValue.parse(bytes)
        } catch {
            throw .invalidJSON
        }
    }

    /// A string (or integer) field; NUL is replaced by U+FFFD so a platform is never made
    /// to retry a delivery forever.
    static func string(_ value: JSONValue?) -> String? {
        guard let s = value?.stringValue else { return nil }
        return s.utf8.contains(0) ? s.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}") : s
    }

    /// A non-empty string field.
    static func nonEmpty(_ value: JSONValue?) -> String? {
        guard let s = string(value), !s.isEmpty else { return nil }
        return s
    }

    /// A platform timestamp: Unix seconds (or milliseconds) as a number or numeric string,
    /// or an RFC 3339 string.
    static func date(_ value: JSONValue?) -> Date? {
        if let v = value?.doubleValue { return Date(timeIntervalSince1970: v > 1e12 ? v / 1000 : v) }
        guard case .string(let s) = value else { return nil }
        if let v = Double(s) { return Date(timeIntervalSince1970: v > 1e12 ? v / 1000 : v) }
        return RFC3339.parse(s)
    }
}

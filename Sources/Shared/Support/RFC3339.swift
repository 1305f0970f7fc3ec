import Foundation

/// RFC 3339 timestamps (`2025-01-01T10:00:00Z`, with or without fractional seconds).
public enum RFC3339 {
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let fractional = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return try? fractional.parse(text)
    }

    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// With milliseconds, for values where order within a second matters.
    public static func formatPrecise(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}

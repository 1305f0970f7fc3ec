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

    static let preciseStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// With milliseconds, for values where order within a second matters
    /// (`2026-12-03T16:46:51.968Z`). Log lines and tool answers write many, so the fields come
    /// from `gmtime_r` and are written as digits; the text is the same as
    /// `ISO8601FormatStyle(includingFractionalSeconds: true)` writes (milliseconds cut, not
    /// rounded, from the seconds since 2001), which still writes dates outside 1583–9999.
    public static func formatPrecise(_ date: Date) -> String {
        let sinceReference = date.timeIntervalSinceReferenceDate
        guard sinceReference.isFinite, sinceReference > -13_197_600_000, sinceReference < 252_423_993_600 else {
            return date.formatted(preciseStyle)
        }
        let whole = sinceReference.rounded(.down)
        let millis = Int(((sinceReference - whole) * 1000).rounded(.down))
        var seconds = time_t(Int64(whole) + 978_307_200)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var out: [UInt8] = []
        out.reserveCapacity(24)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            while divisor > 0 {
                out.append(UInt8(0x30 + value / divisor % 10))
                divisor /= 10
            }
        }
        digits(Int(parts.tm_year) + 1900, 4); out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2); out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2); out.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2); out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2); out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2); out.append(UInt8(ascii: "."))
        digits(millis, 3); out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }
}

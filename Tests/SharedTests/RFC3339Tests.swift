import Foundation
import Testing

@testable import Shared

@Suite("RFC 3339 timestamps")
struct RFC3339Tests {
    @Test("formatPrecise writes what ISO8601FormatStyle writes: random instants, whole milliseconds, parsed texts, edges")
    func preciseMatchesFormatStyle() throws {
        var random = SplitMix64(seed: 3_339)
        var dates: [Date] = []
        for _ in 0..<20_000 {
            let span = Double(random.next() % 7_000_000_000) - 3_000_000_000
            dates.append(Date(timeIntervalSince1970: span + Double(random.next() % 1_000_000) / 1_000_000))
            dates.append(Date(timeIntervalSince1970: Double(Int64(span) * 1000 + Int64(random.next() % 1000)) / 1000))
        }
        for text in ["2026-12-02T21:19:05.123Z", "2026-12-02T21:19:05.999Z", "2026-12-02T21:19:05.001Z", "1999-12-31T23:59:59.999Z"] {
            dates.append(try RFC3339.preciseStyle.parse(text))
        }
        dates += [0, -0.0004, -1.5, 1e-9, -12_219_292_801, 253_402_300_799.999, 300_000_000_000].map(Date.init(timeIntervalSince1970:))
        var different = 0
        for date in dates where RFC3339.formatPrecise(date) != date.formatted(RFC3339.preciseStyle) {
            different += 1
            if different <= 5 { Issue.record("\(date.timeIntervalSince1970): \(RFC3339.formatPrecise(date)) vs \(date.formatted(RFC3339.preciseStyle))") }
        }
        #expect(different == 0)
        #expect(RFC3339.formatPrecise(Date(timeIntervalSince1970: 1_796_246_345.5)) == "2026-12-02T21:19:05.500Z")
    }
}

import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one JSON object per line to standard error: time, level, label, message and the
/// metadata (dotted, lowercase keys such as `request.id`). Above debug level, personal data
/// (CPF, phones, e-mails, message text) is masked by `PersonalDataMasker`.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let line = Self.line(event: event, metadata: metadata, label: label)
        line.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// The JSON line of an event (masked above debug level), keys sorted, ending in a newline.
    static func line(event: LogEvent, metadata: Logger.Metadata, label: String) -> [UInt8] {
        let masked = event.level > .debug
        let message = event.message.description
        var object: [String: JSONValue] = [
            "ts": .string(Self.timestamp()),
            "level": .string(event.level.rawValue),
            "logger": .string(label),
            "msg": .string(masked ? PersonalDataMasker.mask(message) : message),
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            object[key] = masked ? Self.masked(key: key, value) : Self.plain(value)
        }
        var out: [UInt8] = []
        out.reserveCapacity(256)
        JSONValue.object(object).write(into: &out)
        out.append(0x0A)
        return out
    }

    static func masked(key: String, _ value: Logger.MetadataValue) -> JSONValue {
        switch value {
        case .string(let s): return .string(PersonalDataMasker.mask(key: key, s))
        case .stringConvertible(let c): return .string(PersonalDataMasker.mask(key: key, c.description))
        case .array(let values): return .array(values.map { masked(key: key, $0) })
        case .dictionary(let dict): return .object(Dictionary(uniqueKeysWithValues: dict.map { ($0.key, masked(key: $0.key, $0.value)) }))
        }
    }

    static func plain(_ value: Logger.MetadataValue) -> JSONValue {
        switch value {
        case .string(let s): return .string(s)
        case .stringConvertible(let c): return .string(c.description)
        case .array(let values): return .array(values.map(plain))
        case .dictionary(let dict): return .object(dict.mapValues(plain))
        }
    }

    /// Now in UTC, RFC 3339 with milliseconds: `2026-12-03T16:46:51.968Z`.
    static func timestamp() -> String {
        RFC3339.formatPrecise(Date())
    }
}

/// Sets up logging once per process.
public enum LoggingBootstrap {
    public static func bootstrap(level: String) {
        let parsed = Logger.Level(rawValue: level.lowercased()) ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: parsed) }
    }
}

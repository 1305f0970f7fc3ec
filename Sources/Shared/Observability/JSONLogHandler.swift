import Foundation
import Logging

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
        guard let data = Self.line(event: event, metadata: metadata, label: label) else { return }
        FileHandle.standardError.write(data)
    }

    /// The JSON line of an event (masked above debug level).
    static func line(event: LogEvent, metadata: Logger.Metadata, label: String) -> Data? {
        let masked = event.level > .debug
        var object: [String: Any] = [
            "ts": Self.timestamp(),
            "level": event.level.rawValue,
            "logger": label,
            "msg": masked ? PersonalDataMasker.mask(event.message.description) : event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            object[key] = masked ? Self.masked(key: key, value) : Self.plain(value)
        }
        guard var data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return nil }
        data.append(0x0A)
        return data
    }

    static func masked(key: String, _ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let s): return PersonalDataMasker.mask(key: key, s)
        case .stringConvertible(let c): return PersonalDataMasker.mask(key: key, c.description)
        case .array(let values): return values.map { masked(key: key, $0) }
        case .dictionary(let dict): return Dictionary(uniqueKeysWithValues: dict.map { ($0.key, masked(key: $0.key, $0.value)) })
        }
    }

    static func plain(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let s): return s
        case .stringConvertible(let c): return c.description
        case .array(let values): return values.map(plain)
        case .dictionary(let dict): return dict.mapValues(plain)
        }
    }

    static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}

/// Sets up logging once per process.
public enum LoggingBootstrap {
    public static func bootstrap(level: String) {
        let parsed = Logger.Level(rawValue: level.lowercased()) ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: parsed) }
    }
}

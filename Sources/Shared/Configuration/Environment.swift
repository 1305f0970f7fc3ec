import Foundation

/// A snapshot of configuration variables: the process environment, optionally layered
/// over a `.env` file. Secrets may be given as `NAME_FILE` (a path, as Docker secrets are
/// mounted); `secret(_:)` reads either form.
public struct Environment: Sendable {
    public var values: [String: String]

    public init(_ values: [String: String]) {
        self.values = values
    }

    /// The process environment, over the `KEY=value` lines of `dotEnvPath` when that file exists.
    /// Variables of the process win over the file.
    public static func process(dotEnvPath: String? = nil) -> Environment {
        var merged: [String: String] = [:]
        if let dotEnvPath, let text = try? String(contentsOfFile: dotEnvPath, encoding: .utf8) {
            merged = parseDotEnv(text)
        }
        for (key, value) in ProcessInfo.processInfo.environment {
            merged[key] = value
        }
        return Environment(merged)
    }

    /// Parses `KEY=value` lines; `#` starts a comment line; surrounding quotes are removed.
    public static func parseDotEnv(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#"), let eq = line.firstIndex(of: "=") else { continue }
            var key = String(line[..<eq]).trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("export ") { key = String(key.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            var value = String(line[line.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            result[key] = value
        }
        return result
    }

    public subscript(_ key: String) -> String? {
        guard let value = values[key], !value.isEmpty else { return nil }
        return value
    }

    public func string(_ key: String, default defaultValue: String) -> String {
        self[key] ?? defaultValue
    }

    public func int(_ key: String, default defaultValue: Int) throws -> Int {
        guard let raw = self[key] else { return defaultValue }
        guard let value = Int(raw.trimmingCharacters(in: .whitespaces)) else {
            throw ConfigurationError("\(key) must be a whole number, got \"\(raw)\"")
        }
        return value
    }

    public func list(_ key: String) -> [String] {
        guard let raw = self[key] else { return [] }
        return raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A secret from `NAME` or from the file named by `NAME_FILE` (trailing newline removed).
    public func secret(_ key: String) throws -> String? {
        if let path = self[key + "_FILE"] {
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                return text.trimmingCharacters(in: .newlines)
            } catch {
                throw ConfigurationError("\(key)_FILE names \(path), which cannot be read")
            }
        }
        return self[key]
    }
}

/// A configuration problem that must stop startup, with a message for the operator.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

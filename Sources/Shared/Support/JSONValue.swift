import Foundation

/// Any JSON value, decoded strictly (a number is never read as a bool). Used where a shape
/// is open: platform payloads, tool arguments, metadata objects.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Through a `Decoder` (a JSONValue inside a Codable type); `JSONValue.parse` is the
    /// fast path for whole texts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int64.self) {
            self = .integer(i)
        } else if let d = try? container.decode(Double.self) {
            self = .number(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .integer(let i): try container.encode(i)
        case .number(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }

    public struct ParseError: Error, Sendable {}

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var object: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    public var array: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// A string, or an integer written as text (platform ids arrive both ways).
    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .integer(let i): return String(i)
        default: return nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var isNull: Bool { self == .null }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue {
    /// YAML text (block style, keys sorted, strings double-quoted), for documents such as
    /// `openapi.yaml` that people read.
    public var yamlText: String {
        var out = ""
        Self.emitYAML(self, indent: 0, into: &out)
        return out
    }

    private static func scalarYAML(_ value: JSONValue) -> String? {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .string: return value.jsonText
        case .object(let o) where o.isEmpty: return "{}"
        case .array(let a) where a.isEmpty: return "[]"
        default: return nil
        }
    }

    private static func yamlKey(_ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "_-./{}$".unicodeScalars.contains($0) }
            && !key.hasPrefix("{") && !key.hasPrefix("-")
        // Keys that YAML would read as numbers, booleans or null ("200", "on") are quoted.
        let ambiguous = Double(key) != nil || ["true", "false", "null", "yes", "no", "on", "off", "~", "y", "n"].contains(key.lowercased())
        return plain && !ambiguous ? key : JSONValue.string(key).jsonText
    }

    private static func emitYAML(_ value: JSONValue, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch value {
        case .object(let object):
            for key in object.keys.sorted() {
                let child = object[key]!
                if let scalar = scalarYAML(child) {
                    out += "\(pad)\(yamlKey(key)): \(scalar)\n"
                } else {
                    out += "\(pad)\(yamlKey(key)):\n"
                    emitYAML(child, indent: indent + 2, into: &out)
                }
            }
        case .array(let array):
            for item in array {
                if let scalar = scalarYAML(item) {
                    out += "\(pad)- \(scalar)\n"
                } else {
                    out += "\(pad)-\n"
                    emitYAML(item, indent: indent + 2, into: &out)
                }
            }
        default:
            out += pad + (scalarYAML(value) ?? "null") + "\n"
        }
    }
}

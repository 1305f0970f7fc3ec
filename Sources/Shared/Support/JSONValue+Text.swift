/// JSON text to and from `JSONValue` without Foundation's coders: one pass over the bytes,
/// no coding paths, no thrown-and-caught attempts per value. Webhook payloads, tool
/// arguments and stream bodies all pass through here, so it is on every request's path.
extension JSONValue {
    /// Nesting deeper than this is refused rather than recursed into.
    public static let maxParseDepth = 512

    /// Parses JSON text (RFC 8259; a leading UTF-8 byte order mark is skipped); throws
    /// `JSONValue.ParseError` when it is not JSON or not valid UTF-8. When an object has
    /// the same key twice, the last one wins; `StrictJSON` refuses that for API bodies.
    public static func parse(_ bytes: some Collection<UInt8>) throws(ParseError) -> JSONValue {
        let result: JSONValue? = bytes.withContiguousStorageIfAvailable { buffer in
            Self.parse(buffer: buffer)
        } ?? Array(bytes).withUnsafeBufferPointer { Self.parse(buffer: $0) }
        guard let result else { throw ParseError() }
        return result
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var parser = JSONTextParser(bytes: buffer)
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { parser.index = 3 }
        parser.skipSpace()
        guard let value = parser.value(depth: 1) else { return nil }
        parser.skipSpace()
        return parser.index == buffer.count ? value : nil
    }

    /// The members of a JSON object, except that the member named `keepingText` is not built
    /// into a value: its JSON text is checked and returned as it stands. Nil when the text is
    /// not a JSON object.
    public static func members(of text: String, keepingText rawKey: String) -> (members: [String: JSONValue], raw: String?)? {
        var text = text
        return text.withUTF8 { buffer -> ([String: JSONValue], String?)? in
            var parser = JSONTextParser(bytes: buffer)
            parser.skipSpace()
            guard parser.current == UInt8(ascii: "{") else { return nil }
            parser.index += 1
            parser.skipSpace()
            var members: [String: JSONValue] = [:]
            var raw: String?
            if parser.current == UInt8(ascii: "}") {
                parser.index += 1
            } else {
                while true {
                    guard parser.current == UInt8(ascii: "\""), let key = parser.string() else { return nil }
                    parser.skipSpace()
                    guard parser.current == UInt8(ascii: ":") else { return nil }
                    parser.index += 1
                    parser.skipSpace()
                    if key == rawKey {
                        let start = parser.index
                        guard parser.skipValue(depth: 2),
                            let value = String(validating: UnsafeBufferPointer(rebasing: buffer[start..<parser.index]), as: UTF8.self)
                        else { return nil }
                        raw = value
                    } else {
                        guard let element = parser.value(depth: 2) else { return nil }
                        members[key] = element
                    }
                    parser.skipSpace()
                    if parser.current == UInt8(ascii: ",") {
                        parser.index += 1
                        parser.skipSpace()
                    } else if parser.current == UInt8(ascii: "}") {
                        parser.index += 1
                        break
                    } else {
                        return nil
                    }
                }
            }
            parser.skipSpace()
            return parser.index == buffer.count ? (members, raw) : nil
        }
    }

    /// Compact JSON text with sorted keys (slashes are not escaped).
    public var jsonText: String {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the compact, key-sorted JSON text of this value.
    public func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .integer(let i): Self.writeInteger(i, into: &out)
        case .number(let d): out.append(contentsOf: Self.numberText(d).utf8)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (index, element) in a.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                element.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            // Sorted members, not sorted keys looked up again: one hash lookup less per member.
            for (index, member) in o.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                member.value.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A double as JSON: integral values without ".0", non-finite ones as null.
    static func numberText(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        var text = d.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// An integer's decimal digits, written straight into the output (no `String` per number).
    static func writeInteger(_ i: Int64, into out: inout [UInt8]) {
        if i < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = i.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, on the stack
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// A JSON string literal: quote, backslash and control characters escaped. A string
    /// that needs no escape (nearly all) is copied in one piece.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(contentsOf: "u00".utf8)
                    out.append(hexDigit(byte >> 4))
                    out.append(hexDigit(byte & 15))
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always) static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

/// The recursive-descent reader behind `JSONValue.parse`; nil means "not JSON".
struct JSONTextParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inline(__always) var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
        while index < bytes.count {
            let b = bytes[index]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            index += 1
        }
    }

    mutating func literal(_ text: StaticString, _ value: JSONValue) -> JSONValue? {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return nil }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return nil }
        index += count
        return value
    }

    mutating func value(depth: Int) -> JSONValue? {
        guard depth <= JSONValue.maxParseDepth, let b = current else { return nil }
        switch b {
        case UInt8(ascii: "{"): return object(depth: depth)
        case UInt8(ascii: "["): return array(depth: depth)
        case UInt8(ascii: "\""): return string().map(JSONValue.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        case UInt8(ascii: "-"), 0x30...0x39: return number()
        default: return nil
        }
    }

    mutating func object(depth: Int) -> JSONValue? {
        index += 1
        skipSpace()
        var members: [String: JSONValue] = [:]
        if current == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            guard current == UInt8(ascii: "\""), let key = string() else { return nil }
            skipSpace()
            guard current == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
            guard let element = value(depth: depth + 1) else { return nil }
            members[key] = element
            skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1; skipSpace()
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: return nil
            }
        }
    }

    mutating func array(depth: Int) -> JSONValue? {
        index += 1
        skipSpace()
        var elements: [JSONValue] = []
        if current == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            guard let element = value(depth: depth + 1) else { return nil }
            elements.append(element)
            skipSpace()
            switch current {
            case UInt8(ascii: ","): index += 1; skipSpace()
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: return nil
            }
        }
    }

    /// Steps over one value, checking its grammar as `value` does (but not the UTF-8 of its
    /// strings, nor that `\u` escapes pair their surrogates), without building it. False
    /// when it is not JSON.
    mutating func skipValue(depth: Int) -> Bool {
        guard depth <= JSONValue.maxParseDepth, let b = current else { return false }
        switch b {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = b == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipSpace()
            if current == close { index += 1; return true }
            while true {
                if close == UInt8(ascii: "}") {
                    guard current == UInt8(ascii: "\""), skipString() else { return false }
                    skipSpace()
                    guard current == UInt8(ascii: ":") else { return false }
                    index += 1
                    skipSpace()
                }
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                switch current {
                case UInt8(ascii: ","): index += 1; skipSpace()
                case close: index += 1; return true
                default: return false
                }
            }
        case UInt8(ascii: "\""): return skipString()
        case UInt8(ascii: "t"): return literal("true", .null) != nil
        case UInt8(ascii: "f"): return literal("false", .null) != nil
        case UInt8(ascii: "n"): return literal("null", .null) != nil
        case UInt8(ascii: "-"), 0x30...0x39: return number() != nil
        default: return false
        }
    }

    /// Steps over a string literal: no control character, only valid escapes.
    mutating func skipString() -> Bool {
        index += 1
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            switch b {
            case UInt8(ascii: "\""): return true
            case UInt8(ascii: "\\"):
                guard let e = current else { return false }
                index += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    continue
                case UInt8(ascii: "u"): guard hex4() != nil else { return false }
                default: return false
                }
            case 0x00..<0x20: return false
            default: continue
            }
        }
        return false
    }

    /// A string literal, its escapes decoded; nil for invalid UTF-8, a control character,
    /// a bad escape or a lone surrogate.
    mutating func string() -> String? {
        index += 1
        let start = index
        // Fast path: no escapes, so the bytes are the string.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { return nil }
            index += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            switch b {
            case UInt8(ascii: "\""): return String(validating: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let e = current else { return nil }
                index += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
                        index += 2
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        return nil
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: String(Character(unicode)).utf8)
                default: return nil
                }
            case 0x00..<0x20: return nil
            default: out.append(b)
            }
        }
        return nil
    }

    mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let b = bytes[index + offset]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: return nil
            }
            value = value * 16 + digit
        }
        index += 4
        return value
    }

    /// An integer literal that fits is `.integer`; so is a fraction or exponent form of an
    /// integral value inside Int64 (as Foundation's decoder read them); others are `.number`.
    mutating func number() -> JSONValue? {
        let start = index
        var integral = true
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, first >= 0x30 && first <= 0x39 else { return nil }
        if first == 0x30 {
            index += 1
        } else {
            while let d = current, d >= 0x30 && d <= 0x39 { index += 1 }
        }
        if current == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard let d = current, d >= 0x30 && d <= 0x39 else { return nil }
            while let d = current, d >= 0x30 && d <= 0x39 { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            integral = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let d = current, d >= 0x30 && d <= 0x39 else { return nil }
            while let d = current, d >= 0x30 && d <= 0x39 { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if integral, let i = Int64(text) { return .integer(i) }
        guard let d = Double(text), d.isFinite else { return nil }
        if d == d.rounded(), abs(d) < 9.2e18 { return .integer(Int64(d)) }
        return .number(d)
    }
}

/// A strict pass over JSON text before it is decoded, for API requests: JSON nested deeper
/// than 64, an object with the same key twice, a lone UTF-16 surrogate escape, a control
/// character inside a string, or a number too large for a double are refused with the
/// reason, instead of being silently accepted (last key wins, U+FFFD, infinity). A leading
/// UTF-8 byte order mark is allowed. Valid UTF-8 is checked by the caller.
public enum StrictJSON {
    public static let maxDepth = 64

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The text without its byte order mark, once it passed.
    public static func check(_ bytes: [UInt8]) throws(Problem) -> ArraySlice<UInt8> {
        var scanner = Scanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.index = 3 }
        let start = scanner.index
        scanner.skipSpace()
        try scanner.value(depth: 1)
        scanner.skipSpace()
        guard scanner.index == bytes.count else { throw Problem("unexpected text after the JSON value") }
        return bytes[start...]
    }

    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { index += 1 }
        }

        mutating func expect(_ literal: String) throws(Problem) {
            for b in literal.utf8 {
                guard current == b else { throw Problem("invalid literal") }
                index += 1
            }
        }

        mutating func value(depth: Int) throws(Problem) {
            guard depth <= StrictJSON.maxDepth else { throw Problem("JSON nested deeper than \(StrictJSON.maxDepth) levels") }
            switch current {
            case UInt8(ascii: "{")?: try object(depth: depth)
            case UInt8(ascii: "[")?: try array(depth: depth)
            case UInt8(ascii: "\"")?: _ = try string()
            case UInt8(ascii: "t")?: try expect("true")
            case UInt8(ascii: "f")?: try expect("false")
            case UInt8(ascii: "n")?: try expect("null")
            case .some(let b) where b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39): try number()
            default: throw Problem("expected a JSON value")
            }
        }

        mutating func object(depth: Int) throws(Problem) {
            index += 1
            skipSpace()
            var keys = Set<[UInt8]>()
            if current == UInt8(ascii: "}") { index += 1; return }
            while true {
                guard current == UInt8(ascii: "\"") else { throw Problem("expected a key") }
                let key = try string()
                guard keys.insert(key).inserted else {
                    throw Problem("duplicate key \"\(String(decoding: key.prefix(64), as: UTF8.self))\"")
                }
                skipSpace()
                guard current == UInt8(ascii: ":") else { throw Problem("expected ':'") }
                index += 1
                skipSpace()
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") { index += 1; skipSpace(); continue }
                if current == UInt8(ascii: "}") { index += 1; return }
                throw Problem("expected ',' or '}'")
            }
        }

        mutating func array(depth: Int) throws(Problem) {
            index += 1
            skipSpace()
            if current == UInt8(ascii: "]") { index += 1; return }
            while true {
                try value(depth: depth + 1)
                skipSpace()
                if current == UInt8(ascii: ",") { index += 1; skipSpace(); continue }
                if current == UInt8(ascii: "]") { index += 1; return }
                throw Problem("expected ',' or ']'")
            }
        }

        /// Scans a string; returns its decoded UTF-8 bytes (for key comparison).
        mutating func string() throws(Problem) -> [UInt8] {
            index += 1
            var out: [UInt8] = []
            while let b = current {
                index += 1
                switch b {
                case UInt8(ascii: "\""): return out
                case UInt8(ascii: "\\"):
                    guard let e = current else { throw Problem("unterminated escape") }
                    index += 1
                    switch e {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar) {
                            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                                throw Problem("lone surrogate \\u\(String(scalar, radix: 16)) in a string")
                            }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw Problem("lone surrogate \\u\(String(scalar, radix: 16)) in a string") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00...0xDFFF).contains(scalar) {
                            throw Problem("lone surrogate \\u\(String(scalar, radix: 16)) in a string")
                        }
                        out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
                    default: throw Problem("invalid escape in a string")
                    }
                case 0x00..<0x20: throw Problem("control character in a string")
                default: out.append(b)
                }
            }
            throw Problem("unterminated string")
        }

        mutating func hex4() throws(Problem) -> UInt32 {
            guard index + 4 <= bytes.count else { throw Problem("short \\u escape") }
            var value: UInt32 = 0
            for b in bytes[index..<index + 4] {
                let digit: UInt32
                switch b {
                case 0x30...0x39: digit = UInt32(b - 0x30)
                case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
                default: throw Problem("invalid \\u escape")
                }
                value = value * 16 + digit
            }
            index += 4
            return value
        }

        mutating func number() throws(Problem) {
            let start = index
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, first >= 0x30 && first <= 0x39 else { throw Problem("invalid number") }
            if first == 0x30 {
                index += 1
            } else {
                while let d = current, d >= 0x30 && d <= 0x39 { index += 1 }
            }
            if current == UInt8(ascii: ".") {
                index += 1
                guard let d = current, d >= 0x30 && d <= 0x39 else { throw Problem("invalid number") }
                while let d = current, d >= 0x30 && d <= 0x39 { index += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard let d = current, d >= 0x30 && d <= 0x39 else { throw Problem("invalid number") }
                while let d = current, d >= 0x30 && d <= 0x39 { index += 1 }
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard let number = Double(text), number.isFinite else { throw Problem("number \(text.prefix(32)) is out of range") }
        }
    }
}

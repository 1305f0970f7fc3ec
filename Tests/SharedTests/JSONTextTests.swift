import Foundation
import Testing

@testable import Shared

@Suite("JSON text: writer, reader and stored tool results")
struct JSONTextTests {
    @Test("strings: quote, backslash and every control character escaped; the rest copied")
    func stringEscapes() {
        var controls = ""
        for value in 0..<0x20 { controls.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        let text = JSONValue.string("a\"b\\c/dé😀" + controls + "end").jsonText
        let expected = #""a\"b\\c/dé😀\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#
            + #"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"#
            + #"end""#
        #expect(text == expected)
        #expect(JSONValue.string("").jsonText == #""""#)
        #expect(JSONValue.string("\"").jsonText == #""\"""#)
    }

    @Test("integers at the edges, and members in key order")
    func integersAndOrder() {
        let value: JSONValue = ["b": [0, -1, 10, .integer(.max), .integer(.min)], "a": ["z": true, "é": nil, "A": 1.5]]
        #expect(value.jsonText == #"{"a":{"A":1.5,"z":true,"é":null},"b":[0,-1,10,9223372036854775807,-9223372036854775808]}"#)
    }

    @Test("random values survive writing and reading back")
    func roundTrip() throws {
        var random = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let value = Self.randomValue(&random, depth: 0)
            #expect(try JSONValue.parse(value.jsonText.utf8) == value)
        }
    }

    @Test("a stored result: same text as the object it stands for, read back without building its body")
    func storedResult() throws {
        let body: JSONValue = ["summary": "x\"}{", "items": [1, ["k": "v\\"]], "ok": true]
        let result = ToolResult(id: "c1", status: 201, body: body, subject: "sub\n1", tool: "save_conversation")
        let object: JSONValue = ["id": "c1", "status": 201, "body": body, "subject": "sub\n1", "tool": "save_conversation"]
        #expect(result.jsonText == object.jsonText)
        let read = try #require(ToolResult(jsonText: result.jsonText))
        #expect(read == result)
        #expect(read.body == body)
        // Spacing and member order of someone else's writer are read too.
        let spaced = #" { "status" : 404 , "subject":"s", "body" : { "error" : "no" } , "id":"c2" } "#
        let other = try #require(ToolResult(jsonText: spaced))
        #expect(other.bodyText == #"{ "error" : "no" }"#)
        #expect(other.body == ["error": "no"])
        #expect(other.tool == nil && other.status == 404)
    }

    @Test("not a stored result: the pending marker, broken text, a broken body")
    func notStoredResults() {
        #expect(ToolResult(jsonText: ToolResult.pendingMarker(subject: "s", tool: "t")) == nil)
        for text in [
            "", "[]", "{", #"{"id":"c","status":200,"subject":"s"}"#,
            #"{"id":"c","status":200,"subject":"s","body":{"a":}}"#,
            #"{"id":"c","status":200,"subject":"s","body":"bad \u12"}"#,
            #"{"id":"c","status":200,"subject":"s","body":[1,2}"#,
            #"{"id":"c","status":200,"subject":"s","body":tru}"#,
            #"{"id":"c","status":200,"subject":"s","body":{}} x"#,
        ] {
            #expect(ToolResult(jsonText: text) == nil, "\(text)")
        }
    }

    static func randomValue(_ random: inout SplitMix64, depth: Int) -> JSONValue {
        let pick = Int(random.next() % (depth > 3 ? 5 : 7))
        switch pick {
        case 0: return .null
        case 1: return .bool(random.next() % 2 == 0)
        case 2: return .integer(Int64(bitPattern: random.next()) >> Int64(random.next() % 64))
        case 3: return .number(Double(Int64(bitPattern: random.next()) % 1_000_000) + 0.25)
        case 4: return .string(randomString(&random))
        case 5: return .array((0..<Int(random.next() % 5)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            var object: [String: JSONValue] = [:]
            for _ in 0..<Int(random.next() % 5) { object[randomString(&random)] = randomValue(&random, depth: depth + 1) }
            return .object(object)
        }
    }

    static func randomString(_ random: inout SplitMix64) -> String {
        let alphabet = Array("aZ \"\\/\n\t\u{01}\u{1F}é😀{}[]:,")
        return String((0..<Int(random.next() % 8)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
    }
}

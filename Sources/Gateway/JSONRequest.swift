import Foundation
import Hummingbird
import Shared

/// Reads an API request's JSON body: at most `MAX_BODY_BYTES` (413), UTF-8 (400
/// `invalid_json`), no NUL character in any string (400 `invalid_argument`), an object at the
/// top (400).
enum JSONRequest {
    static func object(_ request: Request, limit: Int) async throws -> [String: JSONValue] {
        let body = try await WebhookController.readBody(request, limit: limit)
        let bytes = Array(body.readableBytesView)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw APIError.invalidJSON("request body is not valid UTF-8")
        }
        let value = try parse(bytes)
        if let path = firstNUL(value, path: "") {
            throw APIError.invalidArgument("strings must not contain NUL", details: [.init(field: path.isEmpty ? "body" : path, problem: "contains a NUL character")])
        }
        guard case .object(let object) = value else {
            throw APIError.invalidArgument("request body must be a JSON object")
        }
        return object
    }

    /// Strictly checked (`StrictJSON`: depth, duplicate keys, lone surrogates, overflowing
    /// numbers), then decoded; any problem is a 400 `invalid_json` naming it.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        let text: ArraySlice<UInt8>
        do {
            text = try StrictJSON.check(bytes)
        } catch {
            throw APIError.invalidJSON("request body is not valid JSON: \(error.description)")
        }
        do {
            return try JSONValue.parse(text)
        } catch {
            throw APIError.invalidJSON()
        }
    }

    /// The path of the first string (or key) holding U+0000.
    static func firstNUL(_ value: JSONValue, path: String) -> String? {
        switch value {
        case .string(let s): return s.utf8.contains(0) ? path : nil
        case .array(let items):
            for (i, item) in items.enumerated() {
                if let p = firstNUL(item, path: "\(path)[\(i)]") { return p }
            }
        case .object(let object):
            for (key, item) in object {
                let p = path.isEmpty ? key : "\(path).\(key)"
                if key.utf8.contains(0) { return p }
                if let found = firstNUL(item, path: p) { return found }
            }
        default: break
        }
        return nil
    }
}

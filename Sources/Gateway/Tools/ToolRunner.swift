import Foundation
import HTTPTypes
import Hummingbird
import Shared

/// Validates, dispatches and answers one tool call; the REST routes, the generic
/// `POST /api/v1/mcp/call` and MCP's `tools/call` all come through here, so they answer alike.
public struct ToolRunner: Sendable {
    let dispatcher: ToolDispatcher
    let arguments: ToolArguments

    init(dispatcher: ToolDispatcher, configuration: TalkHubConfiguration) {
        self.dispatcher = dispatcher
        self.arguments = ToolArguments(
            defaultCountry: configuration.defaultCountry,
            timeZone: TimeZone(identifier: configuration.analyticsTimeZone) ?? .gmt
        )
    }

    /// A finished call: the status and body of the REST form, and the call id.
    struct Answer: Sendable {
        var result: ToolResult
        var callID: String
        var status: Int { result.status }
        /// The body as the worker wrote it (compact JSON text).
        var bodyText: String { result.bodyText }
        var body: JSONValue { result.body }
    }

    /// Throws `APIError`: 400 with field details for bad arguments, 503 when the queue is
    /// down, 504 `timeout` with `call_id` when the worker did not answer in time.
    func run(_ tool: ToolName, _ raw: [String: JSONValue], subject: String, idempotencyKey: String?, trace: String) async throws -> Answer {
        let validated: JSONValue
        do {
            validated = try arguments.validate(tool, raw)
        } catch {
            throw APIError.invalidArgument(
                "invalid arguments for \(tool.rawValue)",
                details: error.problems.map { APIError.Detail(field: $0.field, problem: $0.problem) }
            )
        }
        let callID = ToolDispatcher.callID(subject: subject, idempotencyKey: idempotencyKey, tool: tool, arguments: validated)
        let start = ContinuousClock.now
        let outcome: ToolDispatcher.Outcome
        do {
            outcome = try await dispatcher.call(tool, arguments: validated, subject: subject, callID: callID, trace: trace)
        } catch {
            TalkHubMetrics.enqueued(stream: "tools", count: 1, failed: true)
            throw error
        }
        switch outcome {
        case .finished(let result):
            TalkHubMetrics.toolCall(tool: tool.rawValue, outcome: "finished", wait: ContinuousClock.now - start)
            return Answer(result: result, callID: callID)
        case .timedOut(let callID):
            TalkHubMetrics.toolCall(tool: tool.rawValue, outcome: "timeout", wait: ContinuousClock.now - start)
            var headers = HTTPFields()
            headers[.xCallID] = callID
            throw APIError(
                .gatewayTimeout, code: "timeout",
                message: "the tool call did not finish in time; fetch its result at /api/v1/requests/\(callID)",
                headers: headers, extra: ["call_id": callID]
            )
        }
    }

    /// The REST answer: the worker's status and body, with `X-Call-Id`.
    func response(_ tool: ToolName, _ raw: [String: JSONValue], request: Request, context: GatewayContext) async throws -> Response {
        guard let identity = context.identity else { throw APIError.unauthorized() }
        let key = try Self.idempotencyKey(request)
        let answer = try await run(tool, raw, subject: identity.subject, idempotencyKey: key, trace: context.requestID)
        var headers = HTTPFields()
        headers[.xCallID] = answer.callID
        return Self.response(status: answer.status, bodyText: answer.bodyText, headers: headers, context: context)
    }

    /// A worker's answer as it wrote it; an error gets this request's id, like every error
    /// of the contract.
    static func response(status: Int, bodyText: String, headers: HTTPFields, context: GatewayContext) -> Response {
        guard status >= 400, case .object(var object)? = try? JSONValue.parse(bodyText.utf8), object["request_id"] == nil else {
            return .json(text: bodyText, status: HTTPResponse.Status(code: status), headers: headers)
        }
        object["request_id"] = .string(context.requestID)
        return .json(.object(object), status: HTTPResponse.Status(code: status), headers: headers)
    }

    /// `Idempotency-Key`: 1–255 visible characters.
    static func idempotencyKey(_ request: Request) throws -> String? {
        guard let key = request.headers[.idempotencyKey] else { return nil }
        guard !key.isEmpty, key.count <= 255, key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw APIError.invalidArgument(
                "Idempotency-Key must be 1–255 visible ASCII characters",
                details: [.init(field: "Idempotency-Key", problem: "1–255 visible ASCII characters")]
            )
        }
        return key
    }
}

extension HTTPField.Name {
    static let xCallID = Self("X-Call-Id")!
    static let idempotencyKey = Self("Idempotency-Key")!
}

import Foundation
import Shared

/// Validates a tool's arguments at the gateway, before anything is enqueued, and returns them
/// normalised (defaults filled, phones in E.164, analytics bounds as instants). Every problem
/// is reported with its field path; the worker can then trust what it reads.
struct ToolArguments {
    var defaultCountry: String
    var timeZone: TimeZone

    static let roles: Set<String> = ["user", "assistant", "agent", "system"]

    func validate(_ tool: ToolName, _ arguments: [String: JSONValue]) throws(ToolArgumentError) -> JSONValue {
        var problems: [ArgumentProblem] = []
        var out: [String: JSONValue] = [:]
        switch tool {
        case .createChatSession:
            out["user_id"] = requiredID("user_id", arguments, &problems)
            out["user_data"] = .object(optionalObject("user_data", arguments["user_data"], &problems) ?? [:])
            out["platform"] = .string(optionalName("platform", arguments, &problems) ?? "unknown")
            if let channel = optionalName("channel_id", arguments, &problems) { out["channel_id"] = .string(channel) }
        case .getUserContext:
            out["user_id"] = requiredID("user_id", arguments, &problems)
            switch arguments["include_history"] {
            case nil, .null?: out["include_history"] = false
            case .bool(let b)?: out["include_history"] = .bool(b)
            case .string(let s)? where Self.booleans[s.lowercased()] != nil: out["include_history"] = .bool(Self.booleans[s.lowercased()]!)
            default: problems.append(ArgumentProblem("include_history", "must be true or false"))
            }
        case .saveConversation:
            out["session_id"] = requiredID("session_id", arguments, &problems)
            out["user_id"] = requiredID("user_id", arguments, &problems)
            if arguments["conversation_id"] != nil, arguments["conversation_id"] != .null {
                out["conversation_id"] = requiredID("conversation_id", arguments, &problems)
            }
            out["messages"] = messages(arguments["messages"], &problems)
            out["intent_analysis"] = .object(optionalObject("intent_analysis", arguments["intent_analysis"], &problems) ?? [:])
            out["metadata"] = .object(optionalObject("metadata", arguments["metadata"], &problems) ?? [:])
        case .updateUserProfile:
            out["user_id"] = requiredID("user_id", arguments, &problems)
            if let profile = optionalObject("profile_data", arguments["profile_data"], &problems) {
                out["profile_data"] = .object(profileData(profile, &problems))
            } else if !problems.contains(where: { $0.field == "profile_data" }) {
                problems.append(ArgumentProblem("profile_data", "required"))
            }
        case .getConversationAnalytics:
            do {
                out = try AnalyticsQuery(arguments: arguments, timeZone: timeZone).arguments.object ?? [:]
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw ToolArgumentError(problems) }
        return .object(out)
    }

    static let booleans: [String: Bool] = ["true": true, "false": false, "1": true, "0": false]

    /// A required id: a non-empty string of at most 255 characters.
    private func requiredID(_ key: String, _ arguments: [String: JSONValue], _ problems: inout [ArgumentProblem]) -> JSONValue {
        switch arguments[key] {
        case .string(let s)? where !s.isEmpty && s.count <= 255: return .string(key == "user_id" ? UserID.canonical(s) : s)
        case .string(let s)?:
            problems.append(ArgumentProblem(key, s.isEmpty ? "must not be empty" : "must be at most 255 characters"))
        case nil, .null?:
            problems.append(ArgumentProblem(key, "required"))
        default:
            problems.append(ArgumentProblem(key, "must be a string"))
        }
        return .null
    }

    /// An optional short name (platform, channel): 1–255 characters.
    private func optionalName(_ key: String, _ arguments: [String: JSONValue], _ problems: inout [ArgumentProblem]) -> String? {
        switch arguments[key] {
        case nil, .null?: return nil
        case .string(let s)? where !s.isEmpty && s.count <= 255: return s
        case .string?: problems.append(ArgumentProblem(key, "must be 1–255 characters"))
        default: problems.append(ArgumentProblem(key, "must be a string"))
        }
        return nil
    }

    private func optionalObject(_ field: String, _ value: JSONValue?, _ problems: inout [ArgumentProblem]) -> [String: JSONValue]? {
        switch value {
        case nil, .null?: return nil
        case .object(let o)?: return o
        default:
            problems.append(ArgumentProblem(field, "must be an object"))
            return nil
        }
    }

    private func messages(_ value: JSONValue?, _ problems: inout [ArgumentProblem]) -> JSONValue {
        guard let value, value != .null else {
            problems.append(ArgumentProblem("messages", "required"))
            return .null
        }
        guard case .array(let items) = value else {
            problems.append(ArgumentProblem("messages", "must be an array"))
            return .null
        }
        guard !items.isEmpty else {
            problems.append(ArgumentProblem("messages", "must not be empty"))
            return .null
        }
        var out: [JSONValue] = []
        for (i, item) in items.enumerated() {
            let path = "messages[\(i)]"
            guard case .object(let message) = item else {
                problems.append(ArgumentProblem(path, "must be an object"))
                continue
            }
            var clean = message
            switch message["role"] {
            case .string(let role)? where Self.roles.contains(role): break
            case nil, .null?: problems.append(ArgumentProblem(path + ".role", "required"))
            default: problems.append(ArgumentProblem(path + ".role", "must be one of user, assistant, agent, system"))
            }
            switch message["content"] {
            case .string?: break
            case nil, .null?: problems.append(ArgumentProblem(path + ".content", "required"))
            default: problems.append(ArgumentProblem(path + ".content", "must be a string"))
            }
            switch message["timestamp"] {
            case nil, .null?: clean["timestamp"] = nil
            case .string(let text)?:
                if let date = RFC3339.parse(text) {
                    clean["timestamp"] = .string(RFC3339.formatPrecise(date))
                } else {
                    problems.append(ArgumentProblem(path + ".timestamp", "not an RFC 3339 date"))
                }
            default: problems.append(ArgumentProblem(path + ".timestamp", "not an RFC 3339 date"))
            }
            out.append(.object(clean))
        }
        return .array(out)
    }

    private func profileData(_ profile: [String: JSONValue], _ problems: inout [ArgumentProblem]) -> [String: JSONValue] {
        var out = profile
        for key in ["name", "notes"] {
            switch profile[key] {
            case nil, .null?, .string?: break
            default: problems.append(ArgumentProblem("profile_data.\(key)", "must be a string"))
            }
        }
        switch profile["phone"] {
        case nil, .null?: break
        case .string(let raw)?:
            if let phone = PhoneNumber.e164(raw, defaultCountry: defaultCountry) {
                out["phone"] = .string(phone)
            } else {
                problems.append(ArgumentProblem("profile_data.phone", "not a phone number (international with +, or national with area code)"))
            }
        default: problems.append(ArgumentProblem("profile_data.phone", "must be a string"))
        }
        switch profile["email"] {
        case nil, .null?: break
        case .string(let raw)?:
            let email = raw.trimmingCharacters(in: .whitespaces)
            if Self.isEmail(email) {
                out["email"] = .string(email)
            } else {
                problems.append(ArgumentProblem("profile_data.email", "not an e-mail address"))
            }
        default: problems.append(ArgumentProblem("profile_data.email", "must be a string"))
        }
        switch profile["preferences"] {
        case nil, .null?, .object?: break
        default: problems.append(ArgumentProblem("profile_data.preferences", "must be an object"))
        }
        switch profile["tags"] {
        case nil, .null?: break
        case .array(let tags)?:
            for (i, tag) in tags.enumerated() {
                guard case .string(let s) = tag, !s.isEmpty, s != "-", s.count <= 100 else {
                    problems.append(ArgumentProblem("profile_data.tags[\(i)]", "must be a tag of 1–100 characters"))
                    continue
                }
            }
        default: problems.append(ArgumentProblem("profile_data.tags", "must be an array of strings"))
        }
        return out
    }

    /// A pragmatic address check: one `@`, a non-empty local part, a dotted domain, no spaces.
    static func isEmail(_ text: String) -> Bool {
        guard text.count <= 254, !text.contains(where: { $0.isWhitespace }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
            && labels.last!.count >= 2
    }
}

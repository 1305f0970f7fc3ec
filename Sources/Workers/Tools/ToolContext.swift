import Foundation
import Logging
import PostgresNIO
import Shared

/// What a tool execution may use besides its connection.
struct ToolContext: Sendable {
    let redis: RedisClient
    let cache: UserCache
    let timeZone: TimeZone
    let logger: Logger
}

/// The answer of one tool execution, and the users whose data it changed (their caches are
/// invalidated once the transaction commits).
struct ToolOutcome: Sendable {
    let status: Int
    let body: JSONValue
    var changedUsers: [String]
    /// The body's JSON text, written once: it is both recorded in `idempotency_keys` and
    /// answered.
    let bodyText: String

    init(status: Int, body: JSONValue, changedUsers: [String] = []) {
        self.status = status
        self.body = body
        self.changedUsers = changedUsers
        self.bodyText = body.jsonText
    }
}

/// Decoding helpers shared by the tools.
enum SQLJSON {
    /// jsonb read as text (`column::text`) back into a value; `{}` when missing or unreadable.
    static func object(_ text: String?) -> JSONValue {
        guard let text, let value = try? JSONValue.parse(Array(text.utf8)) else { return [:] }
        return value
    }

    static func date(_ date: Date?) -> JSONValue {
        date.map { .string(RFC3339.formatPrecise($0)) } ?? .null
    }

    static func string(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }

    /// Rounds to `places` decimals; nil stays null.
    static func number(_ value: Double?, places: Int = 3) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        let scale = pow(10, Double(places))
        return .number((value * scale).rounded() / scale)
    }
}

/// The columns of a profile, in the order `ProfileRow.columns` selects them.
struct ProfileRow: Sendable {
    static let columns = "user_id, name, phone, email, preferences::text, interaction_stats::text, tags, notes, attributes::text, created_at, updated_at, opted_out, opted_out_at"

    var userID: String
    var name: String?
    var phone: String?
    var email: String?
    var preferences: String
    var interactionStats: String
    var tags: [String]
    var notes: String?
    var attributes: String
    var createdAt: Date
    var updatedAt: Date
    var optedOut: Bool
    var optedOutAt: Date?

    typealias Columns = (String, String?, String?, String?, String, String, [String], String?, String, Date, Date, Bool, Date?)

    init(_ c: Columns) {
        (userID, name, phone, email, preferences, interactionStats, tags, notes, attributes, createdAt, updatedAt, optedOut, optedOutAt) = c
    }

    /// The whole profile as `update_user_profile` answers it.
    var json: JSONValue {
        [
            "user_id": .string(userID),
            "name": SQLJSON.string(name),
            "phone": SQLJSON.string(phone),
            "email": SQLJSON.string(email),
            "preferences": SQLJSON.object(preferences),
            "interaction_stats": SQLJSON.object(interactionStats),
            "tags": .array(tags.map { .string($0) }),
            "notes": SQLJSON.string(notes),
            "attributes": SQLJSON.object(attributes),
            "created_at": SQLJSON.date(createdAt),
            "updated_at": SQLJSON.date(updatedAt),
            "opted_out": .bool(optedOut),
            "opted_out_at": SQLJSON.date(optedOutAt),
        ]
    }

    static func load(_ userID: String, on connection: PostgresConnection, logger: Logger) async throws -> ProfileRow? {
        let query: PostgresQuery = "SELECT \(unescaped: columns) FROM user_profiles WHERE user_id = \(userID)"
        for try await row in try await connection.query(query, logger: logger).decode(Columns.self) {
            return ProfileRow(row)
        }
        return nil
    }
}

/// The columns of a session, as `create_chat_session` and `get_user_context` show it.
struct SessionRow: Sendable {
    static let columns = "session_id, user_id, platform, channel_id, user_data::text, status, created_at, updated_at, last_activity_at"
    typealias Columns = (String, String, String, String?, String, String, Date, Date, Date)

    var columns: Columns

    var json: JSONValue {
        let (sessionID, userID, platform, channelID, userData, status, createdAt, updatedAt, lastActivity) = columns
        return [
            "session_id": .string(sessionID),
            "user_id": .string(userID),
            "platform": .string(platform),
            "channel_id": SQLJSON.string(channelID),
            "user_data": SQLJSON.object(userData),
            "status": .string(status),
            "created_at": SQLJSON.date(createdAt),
            "updated_at": SQLJSON.date(updatedAt),
            "last_activity_at": SQLJSON.date(lastActivity),
        ]
    }
}

import Foundation
import Logging
import PostgresNIO
import Shared

/// `update_user_profile`: upsert. Known fields replace (null clears), `preferences` merges
/// into the stored object, `tags` is a set (`"-tag"` removes), unknown keys merge into
/// `attributes` (null removes one). The row is locked while the new values are worked out,
/// so concurrent updates of one user apply one after the other.
enum UpdateUserProfile {
    static let knownFields: Set<String> = ["name", "phone", "email", "preferences", "tags", "notes"]

    static func run(_ arguments: JSONValue, on connection: PostgresConnection, logger: Logger) async throws -> ToolOutcome {
        let user = arguments["user_id"]?.stringValue ?? ""
        let data = arguments["profile_data"]?.object ?? [:]
        // Creates the row if missing and locks it either way, returning what is stored.
        var stored: ProfileRow?
        for try await row in try await connection.query(
            """
            INSERT INTO user_profiles (user_id) VALUES (\(user))
            ON CONFLICT (user_id) DO UPDATE SET user_id = EXCLUDED.user_id
            RETURNING \(unescaped: ProfileRow.columns)
            """,
            logger: logger
        ).decode(ProfileRow.Columns.self) {
            stored = ProfileRow(row)
        }
        guard var profile = stored else { throw ToolExecutionError("profile \(user) vanished") }
        func text(_ key: String, _ current: String?) -> String? {
            guard let value = data[key] else { return current }
            return value.stringValue
        }
        profile.name = text("name", profile.name)
        profile.phone = text("phone", profile.phone)
        profile.email = text("email", profile.email)
        profile.notes = text("notes", profile.notes)
        if case .object(let new)? = data["preferences"] {
            var preferences = SQLJSON.object(profile.preferences).object ?? [:]
            for (key, value) in new { preferences[key] = value }
            profile.preferences = JSONValue.object(preferences).jsonText
        }
        if case .array(let entries)? = data["tags"] {
            profile.tags = mergeTags(profile.tags, entries.compactMap(\.stringValue))
        }
        var attributes = SQLJSON.object(profile.attributes).object ?? [:]
        for (key, value) in data where !knownFields.contains(key) {
            if value == .null {
                attributes.removeValue(forKey: key)
            } else {
                attributes[key] = value
            }
        }
        profile.attributes = JSONValue.object(attributes).jsonText
        let rows = try await connection.query(
            """
            UPDATE user_profiles SET name = \(profile.name), phone = \(profile.phone), email = \(profile.email), notes = \(profile.notes),
                preferences = \(profile.preferences)::jsonb, tags = \(profile.tags)::text[], attributes = \(profile.attributes)::jsonb,
                updated_at = now()
            WHERE user_id = \(user)
            RETURNING \(unescaped: ProfileRow.columns)
            """,
            logger: logger
        )
        for try await row in rows.decode(ProfileRow.Columns.self) {
            return ToolOutcome(status: 200, body: ProfileRow(row).json, changedUsers: [user])
        }
        throw ToolExecutionError("profile \(user) vanished")
    }

    /// The stored tags plus the new ones, in first-seen order, without those named `-tag`.
    static func mergeTags(_ stored: [String], _ entries: [String]) -> [String] {
        var tags = stored
        for entry in entries {
            if entry.hasPrefix("-") {
                let name = String(entry.dropFirst())
                tags.removeAll { $0 == name }
            } else if !tags.contains(entry) {
                tags.append(entry)
            }
        }
        return tags
    }
}

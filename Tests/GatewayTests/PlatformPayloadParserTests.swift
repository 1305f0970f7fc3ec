import Foundation
import Testing
import TestSupport

@testable import Gateway
@testable import Shared

@Suite("WhatsApp and Telegram payloads")
struct PlatformPayloadParserTests {
    static func fixture(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: TestServices.fixture(name))) }

    @Test("WhatsApp text: one message with contact name, E.164 phone and channel")
    func whatsappText() throws {
        let events = try WhatsAppPayloadParser.parse(try Self.fixture("whatsapp_text.json"))
        guard case .message(let m) = events.first, events.count == 1 else { Issue.record("\(events)"); return }
        #expect(m.platform == "whatsapp")
        #expect(m.userId == "whatsapp:5511987654321")
        #expect(m.channelId == "106540352242922")
        #expect(m.contact?.name == "Maria Souza")
        #expect(m.contact?.phone == "+5511987654321")
        #expect(m.text == "Oi, meu pedido ainda não chegou e já faz 10 dias. Preciso de ajuda!")
        #expect(m.sentAt == Date(timeIntervalSince1970: 1_764_432_000))
    }

    @Test("WhatsApp interactive reply and image caption: two messages")
    func whatsappInteractive() throws {
        let events = try WhatsAppPayloadParser.parse(try Self.fixture("whatsapp_interactive.json"))
        let messages = events.compactMap { if case .message(let m) = $0 { return m } else { return nil } }
        #expect(messages.map(\.type) == ["interactive", "image"])
        #expect(messages.map(\.text) == ["Rastrear pedido", "foto da caixa"])
    }

    @Test("WhatsApp statuses")
    func whatsappStatus() throws {
        let events = try WhatsAppPayloadParser.parse(try Self.fixture("whatsapp_status.json"))
        #expect(events == [.status(InboundStatus(platform: "whatsapp", platformMessageId: "wamid.HBgNNTUxMTk4NzY1NDMyMRUCABEYEjdGMkU0QTdBNkQ4QjlDMEUxAA==", status: "delivered", at: Date(timeIntervalSince1970: 1_764_432_120)))])
    }

    @Test("every WhatsApp message type", arguments: [
        (#""type":"audio","audio":{"id":"1"}"#, "audio", nil),
        (#""type":"video","video":{"id":"1","caption":"olha"}"#, "video", "olha"),
        (#""type":"document","document":{"id":"1","caption":"nota fiscal"}"#, "document", "nota fiscal"),
        (#""type":"sticker","sticker":{"id":"1"}"#, "sticker", nil),
        (#""type":"location","location":{"latitude":-23.5,"longitude":-46.6,"name":"Loja","address":"Av. Paulista"}"#, "location", "Loja, Av. Paulista"),
        (#""type":"contacts","contacts":[{"name":{"formatted_name":"Ana"}}]"#, "contacts", nil),
        (#""type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"2","title":"Segunda via"}}"#, "interactive", "Segunda via"),
        (#""type":"button","button":{"text":"Sim","payload":"yes"}"#, "button", "Sim"),
        (#""type":"reaction","reaction":{"message_id":"x","emoji":"👍"}"#, "reaction", "👍"),
        (#""type":"unsupported","errors":[{"code":131051}]"#, "unsupported", nil),
    ] as [(String, String, String?)])
    func whatsappTypes(fields: String, type: String, text: String?) throws {
        let body = #"{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"metadata":{"phone_number_id":"9"},"messages":[{"from":"5511900000000","id":"wamid.X","timestamp":"1764432000",\#(fields)}]}}]}]}"#
        let events = try WhatsAppPayloadParser.parse(Array(body.utf8))
        guard case .message(let m) = events.first else { Issue.record("no message"); return }
        #expect(m.type == type)
        #expect(m.text == text)
    }

    @Test("malformed WhatsApp payloads are unknown shapes, not crashes", arguments: [
        "{}", #"{"object":"page"}"#, #"{"object":"whatsapp_business_account","entry":[]}"#,
        #"{"object":"whatsapp_business_account","entry":[{"id":"1"}]}"#,
        #"{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"messages":[{"id":"x"}]}}]}]}"#,
        #"{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{"statuses":[{"id":"x","status":"exploded"}]}}]}]}"#,
        #"{"object":"whatsapp_business_account","entry":"no"}"#, #"{"object":"whatsapp_business_account","entry":[{"changes":[{"value":{}}]}]}"#,
    ])
    func whatsappMalformed(body: String) {
        #expect { try WhatsAppPayloadParser.parse(Array(body.utf8)) } throws: { error in
            if case .unknownShape = error as? WebhookParseError { return true }
            return false
        }
    }

    @Test("Telegram message, edit and callback")
    func telegram() throws {
        let message = try TelegramPayloadParser.parse(try Self.fixture("telegram_message.json"))
        guard case .message(let m) = message.first else { Issue.record("no message"); return }
        #expect(m.platformMessageId == "531234567:1365")
        #expect(m.userId == "telegram:531234567")
        #expect(m.contact?.name == "João Pereira")
        #expect(m.isEdit == nil)
        let callback = try TelegramPayloadParser.parse(try Self.fixture("telegram_callback.json"))
        guard case .message(let c) = callback.first else { Issue.record("no callback"); return }
        #expect(c.platformMessageId == "cb:4382bfdwdsb323b2d9")
        #expect(c.text == "plan_annual")
        let edit = #"{"update_id":5,"edited_message":{"message_id":1365,"from":{"id":531234567},"chat":{"id":531234567},"date":1764432000,"edit_date":1764432100,"text":"corrigido"}}"#
        guard case .message(let e) = try TelegramPayloadParser.parse(Array(edit.utf8)).first else { Issue.record("no edit"); return }
        #expect(e.isEdit == true)
        #expect(e.platformMessageId == "531234567:1365")
        for bad in ["{}", #"{"update_id":1}"#, #"{"update_id":1,"message":{"text":"x"}}"#, #"{"update_id":1,"callback_query":{}}"#] {
            #expect(throws: WebhookParseError.self) { try TelegramPayloadParser.parse(Array(bad.utf8)) }
        }
    }
}

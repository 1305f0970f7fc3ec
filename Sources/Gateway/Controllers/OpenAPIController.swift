import Hummingbird
import Shared

/// Serves the OpenAPI document as JSON and as YAML.
struct OpenAPIController {
    var endpoints: RouteCollection<GatewayContext> {
        let routes = RouteCollection(context: GatewayContext.self)
        let json = OpenAPIDocument.document.jsonText
        let yaml = OpenAPIDocument.document.yamlText
        routes.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        routes.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: yaml)))
        }
        return routes
    }
}

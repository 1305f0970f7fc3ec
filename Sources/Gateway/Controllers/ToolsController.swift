import Hummingbird
import Shared

/// The tool routes. `GET /api/v1/mcp/tools` lists the five tools with their JSON Schemas.
struct ToolsController {
    var endpoints: RouteCollection<GatewayContext> {
        let routes = RouteCollection(context: GatewayContext.self)
        routes.get("/api/v1/mcp/tools") { _, _ in Response.json(ToolCatalog.listing) }
        return routes
    }
}

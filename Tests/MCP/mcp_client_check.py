"""Drives TalkHub's /mcp with the official Python MCP client (PyPI `mcp` 2.x).

Usage: python mcp_client_check.py URL TOKEN USER_ID
Connects (the client's default `auto` mode: a `server/discover` probe, answered 400, then the
`initialize` handshake), lists the tools, calls each one, checks that bad arguments come back
as `isError: true`, and that connecting without a token fails. Prints one JSON summary line;
exits non-zero on the first failed check.
"""

import asyncio
import json
import sys

import httpx2
from mcp import Client
from mcp.client.streamable_http import streamable_http_client

EXPECTED_TOOLS = ["create_chat_session", "get_conversation_analytics", "get_user_context", "save_conversation", "update_user_profile"]


def check(condition, message):
    if not condition:
        print(json.dumps({"ok": False, "failed": message}))
        sys.exit(1)


def structured(result):
    check(not result.is_error, f"unexpected tool error: {result.content}")
    check(result.structured_content is not None, "no structuredContent")
    text = json.loads(result.content[0].text)
    check(text == result.structured_content, "text content and structuredContent differ")
    return result.structured_content


async def main(url, token, user):
    summary = {}
    async with httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=30) as http:
        async with Client(streamable_http_client(url, http_client=http)) as client:
            summary["protocol_version"] = client.session.initialize_result.protocol_version if client.session.initialize_result else None
            check(summary["protocol_version"] in ("2025-03-26", "2025-06-18", "2025-11-25"), f"protocol {summary['protocol_version']}")
            tools = await client.list_tools()
            names = sorted(tool.name for tool in tools.tools)
            check(names == EXPECTED_TOOLS, f"tools {names}")
            for tool in tools.tools:
                check(tool.input_schema.get("type") == "object", f"{tool.name} inputSchema")
                check(tool.output_schema and tool.output_schema.get("type") == "object", f"{tool.name} outputSchema")
                check(tool.description and len(tool.description) > 40, f"{tool.name} description")
            summary["tools"] = names

            session = structured(await client.call_tool("create_chat_session", {"user_id": user, "platform": "whatsapp", "user_data": {"name": "Rita"}}))
            check(session["status"] == "active" and session["user_id"] == user, "create_chat_session")
            profile = structured(await client.call_tool("update_user_profile", {"user_id": user, "profile_data": {"phone": "11 98888-7777", "tags": ["mcp"]}}))
            check(profile["phone"] == "+5511988887777" and profile["tags"] == ["mcp"], f"update_user_profile {profile}")
            saved = structured(await client.call_tool("save_conversation", {
                "session_id": session["session_id"], "user_id": user,
                "messages": [
                    {"role": "user", "content": "Quero saber o prazo de entrega do meu pedido", "timestamp": "2025-05-01T12:00:00Z"},
                    {"role": "assistant", "content": "Chega em 2 dias úteis.", "timestamp": "2025-05-01T12:00:40Z"},
                ],
            }))
            check(saved["metadata"]["first_response_time_s"] == 40, f"save_conversation {saved['metadata']}")
            context = structured(await client.call_tool("get_user_context", {"user_id": user, "include_history": True}))
            check(context["has_history"] is True and len(context["recent_conversations"]) == 1, "get_user_context")
            analytics = structured(await client.call_tool("get_conversation_analytics", {"user_id": user, "metrics": ["total_conversations"]}))
            check(analytics["total_conversations"] == 1 and "range" in analytics, f"get_conversation_analytics {analytics}")
            summary["calls"] = 5

            bad = await client.call_tool("save_conversation", {"session_id": "s", "user_id": user, "messages": []})
            check(bad.is_error, "bad arguments did not give isError")
            bad_text = bad.content[0].text
            check("messages" in bad_text, f"the error does not name the field: {bad_text}")
            summary["bad_arguments"] = "isError"

    # Without a token the connection fails.
    refused = False
    try:
        async with httpx2.AsyncClient(timeout=10) as http:
            async with Client(streamable_http_client(url, http_client=http), mode="legacy") as client:
                await client.list_tools()
    except Exception:
        refused = True
    check(refused, "connected without a token")
    summary["without_token"] = "refused"
    summary["ok"] = True
    print(json.dumps(summary))


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3]))

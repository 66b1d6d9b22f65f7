"""The Slack bot's link to Slack, kept in the background so that Slack being away delays the bot
instead of disabling it.

`bot serve` starts listening at once; a thread checks the bot token (auth.test) and, in Socket
Mode, opens the WebSocket through slack-bolt's SocketModeHandler, retrying with backoff until
Slack answers. /healthz shows the state: `connecting`, `ok` or `failed (<Slack's error>)` when
Slack refuses a token (still retried, slowly, since a token can be reinstated).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger("bot.surfaces.slack")

CONNECTING, OK = "connecting", "ok"
FIRST_RETRY_S = 1.0


class SlackLink:
    """Verify the token and (with an app token) hold the Socket Mode connection, in a thread."""

    def __init__(self, bot: Any, app_token: str | None = None, retry_max_s: float = 60.0) -> None:
        self.bot, self.app_token, self.retry_max_s = bot, app_token, retry_max_s
        self.handler: Any = None
        self._state = CONNECTING
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def socket_mode(self) -> bool:
        return self.app_token is not None

    @property
    def state(self) -> str:
        """`connecting`, `ok` or `failed (reason)`; a dropped socket reads `connecting` again."""
        if (
            self._state == OK
            and self.handler is not None
            and not self.handler.client.is_connected()
        ):
            return CONNECTING  # the handler reconnects on its own
        return self._state

    def start(self) -> None:
        """Connect in a daemon thread; returns at once."""
        self._thread = threading.Thread(target=self._run, name="slack-link", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 5.0) -> None:
        """Stop retrying and close the Socket Mode connection, waiting at most `timeout_s`:
        slack-sdk's close joins its session thread, which can block, and a server's shutdown
        must not hang on it."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
        if self.handler is None:
            return
        closer = threading.Thread(target=self.handler.close, name="slack-close", daemon=True)
        closer.start()
        closer.join(timeout_s)
        if closer.is_alive():
            log.warning("slack: the Socket Mode connection did not close in %.0fs; left", timeout_s)
        else:
            log.info("slack: Socket Mode connection closed")

    def _run(self) -> None:
        delay = min(FIRST_RETRY_S, self.retry_max_s)
        while not self._stop.is_set():
            problem = self._attempt()
            if problem is None:
                self._state = OK
                mode = "Socket Mode" if self.socket_mode else "HTTP events"
                log.info("slack: connected (%s)", mode)
                return
            refused, reason = problem
            self._state = f"failed ({reason})" if refused else CONNECTING
            what = "Slack refused the token" if refused else "Slack unreachable"
            log.warning("slack: %s (%s); retrying in %.0fs", what, reason, delay)
            self._stop.wait(delay)
            delay = min(delay * 2, self.retry_max_s)

    def _attempt(self) -> tuple[bool, str] | None:
        """None once connected, else (refused by Slack?, reason); never says the token."""
        from slack_sdk.errors import SlackApiError

        try:
            self.bot.authorized(self.bot.app.client.auth_test())
            if self.socket_mode:
                self._connect_socket()
        except SlackApiError as err:
            status = getattr(err.response, "status_code", 200)
            error = err.response.get("error") if isinstance(err.response.data, dict) else None
            if status >= 500 or error in (None, "ratelimited", "internal_error", "fatal_error"):
                return False, error or f"HTTP {status}"
            return True, str(error)
        except Exception as exc:  # noqa: BLE001 - a network error of any kind: try again later
            return False, type(exc).__name__
        return None

    def _connect_socket(self) -> None:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        if self.handler is None:
            self.handler = SocketModeHandler(
                self.bot.app, self.app_token, logger=logging.getLogger(log.name + ".socket")
            )
        self.handler.client.wss_uri = None  # a new URL for each attempt; an old one expires
        self.handler.connect()


def slack_from_settings(
    app: Any, assistant: Any, server: Any, store: Any = None
) -> SlackLink | None:
    """Build the bot when its settings are there (mounting /slack/events unless Socket Mode);
    `store` is the shared store's path or URL, where its claims and threads live.

    Else say why in one line. Nothing here calls Slack: SlackLink.start() does, in the background.
    """
    from bot.surfaces.slack import EVENTS_PATH, SlackBot, mount_slack

    token, secret = server.slack_bot_token, server.slack_signing_secret
    app_token = server.slack_app_token
    missing = [] if token else ["SLACK_BOT_TOKEN"]
    if not secret and not app_token:
        missing.append("SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)")
    if missing:
        log.warning("Slack bot disabled: %s not set", " and ".join(missing))
        return None
    try:
        bot = SlackBot(
            assistant,
            token.get_secret_value(),
            secret.get_secret_value() if secret else None,
            api_url=server.slack_api_url,
            cost_command=server.slack_cost_command,
            store=store,
        )
        from bot.surfaces.slack_brief import BriefCommand

        bot.app.command(server.slack_brief_command)(BriefCommand(assistant.settings))
    except Exception as exc:  # noqa: BLE001 - a bad setting must not take the UI and API down
        log.error("Slack bot disabled: could not start (%s)", type(exc).__name__)
        return None
    link = SlackLink(
        bot, app_token.get_secret_value() if app_token else None, server.slack_retry_max_s
    )
    if link.socket_mode:
        log.info("Slack bot enabled over Socket Mode (command %s)", server.slack_cost_command)
    else:
        mount_slack(app, bot, ready=lambda: link.state == OK)
        log.info("Slack bot enabled at %s (command %s)", EVENTS_PATH, server.slack_cost_command)
    return link

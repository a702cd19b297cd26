"""The one exception type that carries a message meant for the official."""


class UserError(Exception):
    """Bad input or an impossible request, explained in Chinese.

    The CLI prints the message and exits with ``exit_code``; the GUI shows it in a dialog.
    ``code`` names the catalogue entry (``core/messages``) the message came from, when it did.
    Never raised for programming errors.
    """

    def __init__(self, message: str, *, exit_code: int = 2, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.code = code

    def __str__(self) -> str:
        return self.message

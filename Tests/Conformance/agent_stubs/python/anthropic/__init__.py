from _record import Recorded, record


class _Messages:
    def create(self, **kwargs):
        record("anthropic.beta.messages.create", **kwargs)
        return Recorded(content=[])


class Anthropic(Recorded):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.beta = Recorded(messages=_Messages())

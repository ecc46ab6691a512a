from _record import Recorded, record


class _Responses:
    def create(self, **kwargs):
        record("openai.responses.create", **kwargs)
        return Recorded(output_text="ok")


class OpenAI(Recorded):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.responses = _Responses()

from _record import Recorded, record


class LlmAgent(Recorded):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        record("google.adk.agents.LlmAgent", **kwargs)

from _record import Recorded, record


class Agent(Recorded):
    pass


class HostedMCPTool(Recorded):
    pass


class Runner:
    @staticmethod
    async def run(agent, input):
        record("agents.Runner.run", agent=agent, input=input)
        return Recorded(final_output="ok")

    @staticmethod
    def run_sync(agent, input):
        record("agents.Runner.run_sync", agent=agent, input=input)
        return Recorded(final_output="ok")

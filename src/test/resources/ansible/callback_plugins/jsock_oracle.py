# A stdout callback for jsock's differential tests: at the end of a run it prints one JSON
# document with every task's per-host result and the recap, so the tests can compare Ansible's
# outcome with jsock's --json report. ansible-core ships no JSON callback of its own (that one
# lives in a separate collection), so the tests carry this small one.
import json

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = '''
name: jsock_oracle
type: stdout
short_description: per-task results and recap as one JSON document
description: Used by jsock's CorpusIT to read ansible-playbook's results.
'''


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'stdout'
    CALLBACK_NAME = 'jsock_oracle'

    def __init__(self):
        super(CallbackModule, self).__init__()
        self.plays = []

    def v2_playbook_on_play_start(self, play):
        self.plays.append({'play': {'name': play.get_name()}, 'tasks': []})

    def _start(self, task):
        if self.plays:
            self.plays[-1]['tasks'].append({'task': {'name': task.get_name()}, 'hosts': {}})

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._start(task)

    def v2_playbook_on_handler_task_start(self, task):
        self._start(task)

    def _record(self, result, **flags):
        if not self.plays or not self.plays[-1]['tasks']:
            return
        data = dict(result._result)
        data.update(flags)
        self.plays[-1]['tasks'][-1]['hosts'][result._host.get_name()] = data

    def v2_runner_on_ok(self, result):
        self._record(result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, failed=True)

    def v2_runner_on_skipped(self, result):
        self._record(result, skipped=True)

    def v2_runner_on_unreachable(self, result):
        self._record(result, unreachable=True)

    def v2_playbook_on_stats(self, stats):
        summary = dict((h, stats.summarize(h)) for h in sorted(stats.processed.keys()))
        self._display.display(json.dumps({'plays': self.plays, 'stats': summary}, default=str))

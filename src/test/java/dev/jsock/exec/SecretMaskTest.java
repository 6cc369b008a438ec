package dev.jsock.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jsock.model.FileDiff;
import dev.jsock.model.TaskResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

    @Test
    void findsValuesOfVariablesNamedAsSecrets() {
        Map<String, Object> vars = Map.of("db_password", "hunter22", "api_token", "tok-123", "ansible_become_pass", "s3cr3t",
                "port", "8080", "name", "webapp", "short_secret", "abc");
        assertThat(SecretMask.secretValues(vars)).containsExactlyInAnyOrder("hunter22", "tok-123", "s3cr3t");
    }

    @Test
    void masksSecretsInMessagesDataAndDiffs() {
        TaskResult r = new TaskResult(TaskResult.Status.FAILED, "login with hunter22 failed",
                Map.of("stdout", "pw=hunter22", "lines", List.of("x hunter22")), List.of(new FileDiff("/f", null, "password=hunter22\n")));
        TaskResult m = SecretMask.mask(r, List.of("hunter22"));
        assertThat(m.msg()).isEqualTo("login with ******** failed");
        assertThat(m.data().toString()).doesNotContain("hunter22");
        assertThat(m.diffs().get(0).after()).isEqualTo("password=********\n");
    }
}

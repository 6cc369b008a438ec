package dev.jsock.modules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jsock.model.TaskResult;
import dev.jsock.transport.CommandResult;
import dev.jsock.transport.ShellQuote;
import dev.jsock.transport.UnreachableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ansible's uri, for checking a service from the host itself: the request is made on the host with
 * python3's urllib (so "localhost" means the host), and the status is checked against status_code.
 */
final class UriModule extends BaseModule {
    private static final Set<String> PARAMS = Set.of("url", "method", "status_code", "return_content", "timeout", "headers", "validate_certs");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** argv: url method timeout validate(1/0) headers-json; prints one JSON object. */
    private static final String SCRIPT = """
            import json, ssl, sys, time, urllib.request, urllib.error
            url, method, timeout, validate, headers = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4] == '1', json.loads(sys.argv[5])
            ctx = None if validate else ssl._create_unverified_context()
            start = time.time()
            out = {'url': url, 'redirected': False}
            try:
                resp = urllib.request.urlopen(urllib.request.Request(url, method=method, headers=headers), timeout=timeout, context=ctx)
                body = resp.read()
                out['status'] = resp.status
                out['redirected'] = resp.geturl() != url
                out['url'] = resp.geturl()
                out['msg'] = 'OK (%s bytes)' % resp.headers.get('Content-Length', 'unknown')
            except urllib.error.HTTPError as e:
                resp, body = e, e.read()
                out['status'] = e.code
                out['msg'] = 'HTTP Error %d: %s' % (e.code, e.reason)
            except Exception as e:
                resp, body = None, b''
                out['status'] = -1
                out['msg'] = 'Request failed: %s' % e
            if resp is not None:
                out['headers'] = {k.lower().replace('-', '_'): v for k, v in resp.headers.items()}
            out['content'] = body.decode('utf-8', 'replace')
            out['elapsed'] = int(time.time() - start)
            print(json.dumps(out))
            """;

    @Override
    public String name() {
        return "uri";
    }

    @Override
    TaskResult execute(ModuleContext ctx) throws UnreachableException {
        ModuleArgs a = ctx.a();
        String url = a.required("url");
        a.allowOnly("uri", PARAMS);
        List<Integer> codes = a.has("status_code") ? a.list("status_code").stream().map(o -> Integer.valueOf(String.valueOf(o).strip())).toList() : List.of(200);
        String headers;
        try {
            headers = JSON.writeValueAsString(a.raw("headers") == null ? Map.of() : a.raw("headers"));
        } catch (JsonProcessingException e) {
            throw new ModuleArgs.BadArgument("headers must be a dict");
        }
        List<String> argv = List.of("python3", "-c", SCRIPT, url, a.str("method", "GET").toUpperCase(java.util.Locale.ROOT),
                a.str("timeout", "30"), a.bool("validate_certs", true) ? "1" : "0", headers);
        CommandResult r = new Remote(ctx).run(ShellQuote.join(argv));
        Map<String, Object> res;
        try {
            res = JSON.readValue(r.stdout(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            return TaskResult.failed("uri could not run python3 on the host: " + r.stderr().strip(), Map.of("url", url));
        }
        return result(res, codes, a.bool("return_content", false));
    }

    @SuppressWarnings("unchecked")
    static TaskResult result(Map<String, Object> res, List<Integer> codes, boolean returnContent) {
        Map<String, Object> data = new LinkedHashMap<>();
        Object headers = res.remove("headers");
        if (headers instanceof Map<?, ?> h) data.putAll((Map<String, Object>) h);
        String content = String.valueOf(res.remove("content"));
        data.putAll(res);
        if (returnContent) data.put("content", content);
        int status = ((Number) res.get("status")).intValue();
        String msg = String.valueOf(res.get("msg"));
        data.remove("msg");
        if (!codes.contains(status)) {
            String list = codes.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
            return TaskResult.failed("Status code was " + status + " and not " + list + ": " + msg, data);
        }
        return new TaskResult(TaskResult.Status.OK, msg, data, List.of());
    }
}

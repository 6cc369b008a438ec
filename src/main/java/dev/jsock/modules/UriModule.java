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
    private static final Set<String> PARAMS = Set.of("url", "method", "status_code", "return_content", "timeout", "headers", "validate_certs",
            "body", "body_format", "url_username", "url_password", "user", "password", "force_basic_auth");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * argv: url method timeout validate(1/0); stdin: {"headers": {...}, "body": base64 or null}, so
     * credentials and bodies never show in the host's process list or in jsock's -vvv trace.
     * Prints one JSON object.
     */
    private static final String SCRIPT = """
            import json, ssl, sys, time, urllib.request, urllib.error
            import base64
            url, method, timeout, validate = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4] == '1'
            given = json.loads(sys.stdin.read() or '{}')
            headers = given.get('headers') or {}
            data = base64.b64decode(given['body']) if given.get('body') else None
            ctx = None if validate else ssl._create_unverified_context()
            start = time.time()
            out = {'url': url, 'redirected': False}
            try:
                resp = urllib.request.urlopen(urllib.request.Request(url, data=data, method=method, headers=headers), timeout=timeout, context=ctx)
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
        // Ansible's module has no check mode: in --check the task is skipped, saying so
        if (ctx.check()) {
            return new TaskResult(TaskResult.Status.SKIPPED, "", java.util.Map.of("msg", "remote module (ansible.legacy.uri) does not support check mode"), java.util.List.of());
        }
        ModuleArgs a = ctx.a();
        String url = a.required("url");
        a.allowOnly("uri", PARAMS);
        List<Integer> codes = a.has("status_code") ? a.list("status_code").stream().map(o -> Integer.valueOf(String.valueOf(o).strip())).toList() : List.of(200);
        Map<String, Object> headerMap = new LinkedHashMap<>();
        if (a.raw("headers") instanceof Map<?, ?> given) given.forEach((k, v) -> headerMap.put(String.valueOf(k), String.valueOf(v)));
        byte[] body = body(a, headerMap);
        String user = a.has("url_username") ? a.str("url_username") : a.has("user") ? a.str("user") : null;
        String password = a.has("url_password") ? a.str("url_password") : a.has("password") ? a.str("password") : "";
        if (user != null) {
            // sent up front: without force_basic_auth Ansible first waits for a 401 challenge, which gives the same answer where one comes
            headerMap.putIfAbsent("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("headers", headerMap);
        request.put("body", body == null ? null : java.util.Base64.getEncoder().encodeToString(body));
        byte[] stdin;
        try {
            stdin = JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new ModuleArgs.BadArgument("headers must be a dict");
        }
        String method = a.str("method", "GET").toUpperCase(java.util.Locale.ROOT);
        List<String> argv = List.of("python3", "-c", SCRIPT, url, method,
                a.str("timeout", "30"), a.bool("validate_certs", true) ? "1" : "0");
        CommandResult r = new Remote(ctx).run(ShellQuote.join(argv), stdin);
        Map<String, Object> res;
        try {
            res = JSON.readValue(r.stdout(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            return TaskResult.failed("uri could not run python3 on the host: " + r.stderr().strip(), Map.of("url", url));
        }
        return result(res, codes, a.bool("return_content", false));
    }

    /** The request body as Ansible's uri sends it: body_format json serialises data (and sets the content type), form-urlencoded encodes a dict. */
    private static byte[] body(ModuleArgs a, Map<String, Object> headers) {
        if (!a.has("body")) return null;
        Object body = a.raw("body");
        String format = a.str("body_format", "raw");
        String text;
        switch (format) {
            case "json" -> {
                try {
                    text = body instanceof String s ? s : JSON.writeValueAsString(body);
                } catch (JsonProcessingException e) {
                    throw new ModuleArgs.BadArgument("body could not be written as JSON: " + e.getOriginalMessage());
                }
                if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) headers.put("Content-Type", "application/json");
            }
            case "form-urlencoded" -> {
                if (body instanceof Map<?, ?> m) {
                    text = m.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
                } else {
                    text = String.valueOf(body);
                }
                if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) headers.put("Content-Type", "application/x-www-form-urlencoded");
            }
            case "raw" -> text = String.valueOf(body);
            default -> throw new ModuleArgs.BadArgument("value of body_format must be one of: form-urlencoded, json, raw, form-multipart, got: " + format);
        }
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String enc(Object o) {
        return java.net.URLEncoder.encode(String.valueOf(o), java.nio.charset.StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static TaskResult result(Map<String, Object> res, List<Integer> codes, boolean returnContent) {
        Map<String, Object> data = new LinkedHashMap<>();
        Object headers = res.remove("headers");
        if (headers instanceof Map<?, ?> h) data.putAll((Map<String, Object>) h);
        String content = String.valueOf(res.remove("content"));
        data.putAll(res);
        if (returnContent) data.put("content", content);
        // a JSON answer is also given as data, whether or not the content is returned
        Object type = data.get("content_type");
        if (type != null && (type.toString().contains("json")) && !content.isEmpty()) {
            try {
                data.put("json", JSON.readValue(content, Object.class));
            } catch (JsonProcessingException e) {
                // not JSON after all: Ansible leaves json out then
            }
        }
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

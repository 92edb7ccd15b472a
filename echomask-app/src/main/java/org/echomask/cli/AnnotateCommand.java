package org.echomask.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.echomask.annotate.AnnotationApi;
import org.echomask.annotate.AnnotationServer;
import org.echomask.annotate.AnnotationStore;
import org.echomask.annotate.Examples;
import org.echomask.annotate.HostAllowList;
import org.echomask.mask.ProposerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Serve the mask-annotation page for a dataset: refine proposals into high-quality (HQ) masks.",
                "Accepted masks go to DS/masks/hq/<id>.png and are recorded in DS/manifest.csv (hq_mask, hq_status, hq_updated).",
                "Open the printed address in a browser; stop with Ctrl+C."})
final class AnnotateCommand implements Callable<Integer> {

    @Option(names = "--dataset", required = true, description = "Dataset directory (made by `echomask dataset`).")
    Path dataset;

    @Option(names = "--port", defaultValue = "8765", converter = Bounds.Port.class, description = "Port to listen on; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to bind. Default: ${DEFAULT-VALUE} (this machine only); anything else exposes the page and its writes to the network.")
    String host;

    @Option(names = "--allow-host", paramLabel = "NAME", converter = AllowedHost.class,
            description = {"A further name (or address) the page may be opened under, e.g. an alias of this machine; repeatable.",
                    "Requests naming any other host are refused (this stops DNS rebinding); localhost, 127.0.0.1, [::1] and,"
                            + " when bound elsewhere, this machine's name and addresses are always allowed."})
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--target", defaultValue = "200", converter = Bounds.Positive.class, description = "Number of accepted HQ masks to aim for. Default: ${DEFAULT-VALUE}.")
    int target;

    @Option(names = "--preset", defaultValue = "default", converter = Enums.Presets.class, completionCandidates = Enums.Presets.class,
            description = "Proposer preset for proposals computed on the page: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Override
    public Integer call() throws InterruptedException {
        AnnotationStore store = AnnotationStore.open(dataset);
        Examples examples = new Examples(store, ProposerConfig.preset(preset));
        AnnotationApi api = new AnnotationApi(store, examples, target);
        AnnotationStore.Progress p = store.progress();
        try (AnnotationServer server = AnnotationServer.start(api, host, port, allowHosts)) {
            System.out.println("echomask annotate: " + dataset + " (" + p.total() + " examples, " + p.accepted()
                    + " accepted of target " + target + ", " + p.rejected() + " rejected)");
            System.out.println("open " + server.url() + "  (Ctrl+C stops)");
            if (!java.net.InetAddress.getByName(host).isLoopbackAddress()) {
                System.err.println("echomask: warning: bound to " + host + ", reachable from other machines");
            }
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            stop.await();
        } catch (java.net.UnknownHostException e) {
            throw new org.echomask.EchomaskException("unknown host " + host + ": " + e.getMessage(), e);
        }
        return 0;
    }

    /** A host name or IP address, refused while parsing when it is neither (a wildcard, a URL, a port). */
    static final class AllowedHost implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                HostAllowList.validate(value);
                return value;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}

package org.medcard.terminal.present.status;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.medcard.terminal.Terminal;
import org.medcard.terminal.center.CenterRefusal;
import org.medcard.terminal.center.CenterUnreachable;
import org.medcard.terminal.center.HostApi;
import org.medcard.terminal.text.Texts;

/**
 * Syncing the catalog and the blacklist from the center on demand (Ctrl+R): long work on the worker with progress
 * shown, never on the UI thread; a second request while one runs is ignored. A failure keeps the last complete
 * download (the core's rule) and says so.
 */
public final class SyncModel {

    private final Terminal terminal;
    private final Executor worker;
    private final Executor ui;
    private final SyncView view;
    private final Texts texts;
    private final AtomicBoolean running = new AtomicBoolean();

    public SyncModel(Terminal terminal, Executor worker, Executor ui, SyncView view, Texts texts) {
        this.terminal = terminal;
        this.worker = worker;
        this.ui = ui;
        this.view = view;
        this.texts = texts;
    }

    public void sync() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        view.progress(texts.text("sync.running"));
        worker.execute(() -> {
            String message;
            boolean problem = false;
            try {
                Optional<HostApi> center = terminal.onlineCenter();
                if (center.isEmpty()) {
                    message = texts.text("sync.offline");
                    problem = true;
                } else {
                    int items = terminal.downloads().syncCatalog(center.get());
                    int entries = terminal.downloads().syncBlacklist(center.get());
                    message = texts.text("sync.done", items, entries, terminal.downloads().catalogVersion());
                }
            } catch (CenterUnreachable | CenterRefusal e) {
                terminal.centerFaulted("downloads failed: " + e.getMessage());
                message = texts.text("sync.failed", e.getMessage());
                problem = true;
            } finally {
                running.set(false);
            }
            String m = message;
            boolean p = problem;
            ui.execute(() -> {
                view.progress(null);
                view.done(m, p);
            });
        });
    }
}

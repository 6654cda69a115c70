package io.sluice.connector.binlog;

import io.sluice.connector.config.FilterConfig;
import io.sluice.connector.config.SourceConfig;
import io.sluice.connector.filter.TableFilter;
import io.sluice.connector.position.BinlogPosition;
import io.sluice.connector.schema.InformationSchemaSchemas;

import java.util.function.Consumer;

/** Wires a {@link BinlogReader} to its table registry and assembler; the package's one entry point. */
public final class BinlogSource {

    private BinlogSource() {
    }

    /**
     * @param start       where to read from (resume position or resolved start)
     * @param output      receives row changes and transaction ends in binlog order; may block
     * @param onFatal     called once when reading stops for good
     * @param onConnected called on every successful (re)connection
     */
    public static BinlogReader reader(SourceConfig config, FilterConfig filter, SourceServer server,
                                      BinlogPosition start, StreamOutput output,
                                      Consumer<Exception> onFatal, Runnable onConnected) {
        return reader(config, new TableFilter(filter), server, start, output, onFatal, onConnected);
    }

    /** As above, with the filter already built (it may capture a signal table besides the configured ones). */
    public static BinlogReader reader(SourceConfig config, TableFilter filter, SourceServer server,
                                      BinlogPosition start, StreamOutput output,
                                      Consumer<Exception> onFatal, Runnable onConnected) {
        InformationSchemaSchemas informationSchema = InformationSchemaSchemas.over(server::connect);
        TableRegistry tables = new TableRegistry(filter, informationSchema, server.isMariadb());
        ChangeAssembler assembler = new ChangeAssembler(tables, output, start, server.isMariadb());
        return new BinlogReader(config, assembler, onFatal, onConnected);
    }
}

package com.axcient.connectwise.client;

import com.axcient.connectwise.client.internal.ApiRequest;
import com.axcient.connectwise.client.internal.HttpEngine;
import com.axcient.connectwise.client.internal.Site;
import com.axcient.connectwise.client.model.Agreement;
import com.axcient.connectwise.client.model.AgreementAddition;
import com.axcient.connectwise.client.model.Board;
import com.axcient.connectwise.client.model.BoardItem;
import com.axcient.connectwise.client.model.BoardStatus;
import com.axcient.connectwise.client.model.BoardSubType;
import com.axcient.connectwise.client.model.BoardTeam;
import com.axcient.connectwise.client.model.BoardType;
import com.axcient.connectwise.client.model.BoardTypeSubTypeItemAssociation;
import com.axcient.connectwise.client.model.Callback;
import com.axcient.connectwise.client.model.CatalogItem;
import com.axcient.connectwise.client.model.Company;
import com.axcient.connectwise.client.model.CompanyInfo;
import com.axcient.connectwise.client.model.CompanyStatus;
import com.axcient.connectwise.client.model.Priority;
import com.axcient.connectwise.client.model.SystemInfo;
import com.axcient.connectwise.client.model.Ticket;
import com.axcient.connectwise.client.model.TicketNote;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * A client for one ConnectWise PSA (Manage) site and one API member.
 *
 * <pre>{@code
 * try (ConnectWiseClient client = ConnectWiseClient.builder()
 *     .site("na.myconnectwise.net")
 *     .companyId("acme")
 *     .publicKey(publicKey)
 *     .privateKey(Secret.of(privateKey))
 *     .clientId(clientId)
 *     .build()) {
 *   Ticket ticket = client.tickets().get(1042);
 * }
 * }</pre>
 *
 * <p>The client is thread safe; build one per site and member and share it. It sends nothing
 * until a resource is used; the codebase (such as {@code v4_6_release/}) is discovered through
 * {@code /login/companyinfo/{companyId}} on first use unless one is given. Every failure is a
 * {@link ConnectWiseException} subclass. GET, PUT, DELETE and absolute PATCH requests are retried
 * according to the {@link RetryPolicy}; a POST is never sent twice.
 */
public final class ConnectWiseClient implements AutoCloseable {

  private final HttpEngine engine;
  private final String companyId;
  private final Members members;
  private final CrudResource<Callback> callbacks;
  private final CallbackReceiver callbackReceiver;
  private final ReadOnlyResource<Board> boards;
  private final ReadOnlyResource<Priority> priorities;
  private final CrudResource<Ticket> tickets;
  private final CrudResource<Company> companies;
  private final ReadOnlyResource<CompanyStatus> companyStatuses;
  private final ReadOnlyResource<Agreement> agreements;
  private final ReadOnlyResource<CatalogItem> catalogItems;

  private ConnectWiseClient(HttpEngine engine, String companyId) {
    this.engine = engine;
    this.companyId = companyId;
    this.members = new Members(engine);
    this.callbacks = new CrudResource<>(engine, "/system/callbacks", Callback.class);
    this.callbackReceiver = new CallbackReceiver(engine);
    this.boards = new ReadOnlyResource<>(engine, "/service/boards", Board.class);
    this.priorities = new ReadOnlyResource<>(engine, "/service/priorities", Priority.class);
    this.tickets = new CrudResource<>(engine, "/service/tickets", Ticket.class);
    this.companies = new CrudResource<>(engine, "/company/companies", Company.class);
    this.companyStatuses =
        new ReadOnlyResource<>(engine, "/company/companies/statuses", CompanyStatus.class);
    this.agreements = new ReadOnlyResource<>(engine, "/finance/agreements", Agreement.class);
    this.catalogItems = new ReadOnlyResource<>(engine, "/procurement/catalog", CatalogItem.class);
  }

  /** A builder; site, company ID, public key, private key and client ID are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Checks a site as the builder would and returns the root URL requests will go to, such as
   * {@code https://api-na.myconnectwise.net/} for {@code na.myconnectwise.net}: for a settings
   * page that checks or shows the site before anything else is entered. Sends nothing.
   *
   * @param site the host or URL, as {@link Builder#site(String)} takes it
   * @param allowInsecureHttp whether an {@code http://} site is allowed (local simulators only)
   * @return the normalised root URL
   * @throws IllegalArgumentException naming what is wrong with the site and the fix
   */
  public static String siteUrl(String site, boolean allowInsecureHttp) {
    return Site.parse(site, allowInsecureHttp).root().toString();
  }

  /** The version and hosting of the ConnectWise server ({@code /system/info}). */
  public SystemInfo systemInfo() {
    return engine.call(ApiRequest.get("/system/info"), engine.mapper().constructType(SystemInfo.class));
  }

  /** The same as {@link #systemInfo()} without blocking. */
  public CompletableFuture<SystemInfo> systemInfoAsync() {
    return engine.callAsync(
        ApiRequest.get("/system/info"), engine.mapper().constructType(SystemInfo.class));
  }

  /**
   * What {@code /login/companyinfo/{companyId}} says about the company: its codebase, version and
   * whether it is hosted by ConnectWise. Needs no credentials; fetched once and cached.
   *
   * @throws NotFoundException if the site has no such company
   */
  public CompanyInfo companyInfo() {
    try {
      return engine.mapper().treeToValue(engine.companyInfo(), CompanyInfo.class);
    } catch (JsonProcessingException e) {
      throw new InvalidResponseException(
          "ConnectWise's company information could not be read: " + e.getOriginalMessage(),
          ErrorContext.builder("GET", "/login/companyinfo/" + companyId).status(200).build());
    }
  }

  /** The codebase requests go to, such as {@code v4_6_release/}; discovered if not configured. */
  public String codebase() {
    return engine.codebase();
  }

  /** Members of the site ({@code /system/members}). */
  public Members members() {
    return members;
  }

  /** Callback registrations ({@code /system/callbacks}). */
  public CrudResource<Callback> callbacks() {
    return callbacks;
  }

  /** Verifies and reads the callbacks ConnectWise posts to the product. */
  public CallbackReceiver callbackReceiver() {
    return callbackReceiver;
  }

  /** Service boards ({@code /service/boards}). */
  public ReadOnlyResource<Board> boards() {
    return boards;
  }

  /** The statuses of one service board. */
  public ReadOnlyResource<BoardStatus> boardStatuses(long boardId) {
    return new ReadOnlyResource<>(engine, boardPath(boardId, "statuses"), BoardStatus.class);
  }

  /** The teams of one service board. */
  public ReadOnlyResource<BoardTeam> boardTeams(long boardId) {
    return new ReadOnlyResource<>(engine, boardPath(boardId, "teams"), BoardTeam.class);
  }

  /** The ticket types of one service board. */
  public ReadOnlyResource<BoardType> boardTypes(long boardId) {
    return new ReadOnlyResource<>(engine, boardPath(boardId, "types"), BoardType.class);
  }

  /** The ticket subtypes of one service board. */
  public ReadOnlyResource<BoardSubType> boardSubTypes(long boardId) {
    return new ReadOnlyResource<>(engine, boardPath(boardId, "subtypes"), BoardSubType.class);
  }

  /** The ticket items of one service board. */
  public ReadOnlyResource<BoardItem> boardItems(long boardId) {
    return new ReadOnlyResource<>(engine, boardPath(boardId, "items"), BoardItem.class);
  }

  /** Which type, subtype and item combinations are valid on one service board. */
  public ReadOnlyResource<BoardTypeSubTypeItemAssociation> boardTypeSubTypeItemAssociations(
      long boardId) {
    return new ReadOnlyResource<>(
        engine,
        boardPath(boardId, "typeSubTypeItemAssociations"),
        BoardTypeSubTypeItemAssociation.class);
  }

  /** Ticket priorities ({@code /service/priorities}). */
  public ReadOnlyResource<Priority> priorities() {
    return priorities;
  }

  /** Service tickets ({@code /service/tickets}). */
  public CrudResource<Ticket> tickets() {
    return tickets;
  }

  /** The notes of one service ticket. */
  public CrudResource<TicketNote> ticketNotes(long ticketId) {
    return new CrudResource<>(
        engine, "/service/tickets/" + positive(ticketId, "ticketId") + "/notes", TicketNote.class);
  }

  /** Companies ({@code /company/companies}). */
  public CrudResource<Company> companies() {
    return companies;
  }

  /** Company statuses, such as {@code Active} and {@code Imported}. */
  public ReadOnlyResource<CompanyStatus> companyStatuses() {
    return companyStatuses;
  }

  /** Agreements ({@code /finance/agreements}). */
  public ReadOnlyResource<Agreement> agreements() {
    return agreements;
  }

  /** The additions of one agreement, whose quantities are billed. */
  public CrudResource<AgreementAddition> agreementAdditions(long agreementId) {
    return new CrudResource<>(
        engine,
        "/finance/agreements/" + positive(agreementId, "agreementId") + "/additions",
        AgreementAddition.class);
  }

  /** Catalog items, the products an agreement addition bills ({@code /procurement/catalog}). */
  public ReadOnlyResource<CatalogItem> catalogItems() {
    return catalogItems;
  }

  /** The site's root URL, such as {@code https://api-na.myconnectwise.net/}. */
  public String siteUrl() {
    return engine.site().root().toString();
  }

  /** The company ID the client logs in to. */
  public String companyId() {
    return companyId;
  }

  /** The mapper records are read and written with. */
  public ObjectMapper objectMapper() {
    return engine.mapper();
  }

  /** Releases the HTTP client's threads and connections if this client created them. */
  @Override
  public void close() {
    engine.close();
  }

  /** The site and company; never the keys. */
  @Override
  public String toString() {
    return "ConnectWiseClient[site=" + siteUrl() + ", companyId=" + companyId + "]";
  }

  private static String boardPath(long boardId, String child) {
    return "/service/boards/" + positive(boardId, "boardId") + "/" + child;
  }

  private static long positive(long id, String name) {
    if (id <= 0) {
      throw new IllegalArgumentException(name + " must be a positive ConnectWise id, got " + id);
    }
    return id;
  }

  /** Builds a {@link ConnectWiseClient}. */
  public static final class Builder {
    private String site;
    private String companyId;
    private String publicKey;
    private Secret privateKey;
    private String clientId;
    private String codebase;
    private String apiVersion;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = Duration.ofMinutes(3);
    private OkHttpClient okHttpClient;
    private String userAgentSuffix;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private ObjectMapper objectMapper;
    private boolean allowInsecureHttp;
    private long maxResponseBytes = 64L * 1024 * 1024;

    private Builder() {}

    /**
     * The ConnectWise host or URL: {@code api-na.myconnectwise.net}, {@code na.myconnectwise.net}
     * (the browser host, turned into its API host), {@code cw.example.com} for an on-premises
     * server, or a pasted URL such as {@code https://na.myconnectwise.net/v4_6_release/apis/3.0}
     * (its codebase is then used).
     */
    public Builder site(String site) {
      this.site = site;
      return this;
    }

    /** The company ID entered at ConnectWise's login page, such as {@code acme}. */
    public Builder companyId(String companyId) {
      this.companyId = companyId;
      return this;
    }

    /** The API member's public key. */
    public Builder publicKey(String publicKey) {
      this.publicKey = publicKey;
      return this;
    }

    /** The API member's private key. */
    public Builder privateKey(Secret privateKey) {
      this.privateKey = privateKey;
      return this;
    }

    /** The client ID the integration registered at developer.connectwise.com. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** The codebase, such as {@code v4_6_release}; discovered from the company ID if not set. */
    public Builder codebase(String codebase) {
      this.codebase = codebase;
      return this;
    }

    /** The API version sent in the {@code Accept} header, such as {@code 2025.1}; default none. */
    public Builder apiVersion(String apiVersion) {
      this.apiVersion = apiVersion;
      return this;
    }

    /** How long to wait for a connection; default 10 seconds. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long to wait for each read or write on a connection; default 60 seconds. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
      return this;
    }

    /**
     * The longest one call may take in all, its retries and their waits included; default 3
     * minutes.
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
      return this;
    }

    /**
     * An OkHttp client to share connection pool, dispatcher, proxy and TLS settings with. The
     * client derives its own from it (without silent retries and redirects) and does not close it.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = Objects.requireNonNull(okHttpClient, "okHttpClient");
      return this;
    }

    /** Text added to the {@code User-Agent}, such as {@code acme-backup/7.2}. */
    public Builder userAgentSuffix(String userAgentSuffix) {
      this.userAgentSuffix = userAgentSuffix;
      return this;
    }

    /** When and how often failed requests are repeated; default {@link RetryPolicy#defaults()}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** The mapper for records; default {@link ConnectWiseJson#newObjectMapper()}. */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
      return this;
    }

    /** Allows an {@code http://} site; for local tests against a simulator only. */
    public Builder allowInsecureHttp(boolean allowInsecureHttp) {
      this.allowInsecureHttp = allowInsecureHttp;
      return this;
    }

    /** The largest answer body read; larger ones fail. Default 64 MiB. */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes < 1024) {
        throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /**
     * Checks the settings and builds the client; no request is sent yet.
     *
     * @throws IllegalArgumentException naming the setting that is missing or wrong and the fix
     */
    public ConnectWiseClient build() {
      Site parsed = Site.parse(site, allowInsecureHttp);
      String company =
          required(companyId, "companyId", "the company ID you enter at ConnectWise's login page");
      if (company.contains("+") || company.contains(":")) {
        throw new IllegalArgumentException(
            "companyId must not contain '+' or ':': enter only the company ID, without the keys");
      }
      String publicKeyText =
          required(publicKey, "publicKey", "the public key of the API member's API keys");
      if (publicKeyText.contains(":")) {
        throw new IllegalArgumentException(
            "publicKey must not contain ':': enter only the public key");
      }
      if (privateKey == null) {
        throw new IllegalArgumentException(
            "privateKey is missing: set it to the private key shown once when the API key was"
                + " created (create a new key if it is lost)");
      }
      if (!privateKey.reveal().strip().equals(privateKey.reveal())) {
        throw new IllegalArgumentException(
            "privateKey starts or ends with spaces: copy the key again without them");
      }
      String client =
          required(
              clientId,
              "clientId",
              "the client ID registered for the integration at developer.connectwise.com");
      String base =
          codebase != null
              ? Site.normaliseCodebase(codebase)
              : parsed.codebaseFromUrl().orElse(null);
      HttpEngine engine =
          new HttpEngine(
              new HttpEngine.Config(
                  parsed,
                  company,
                  publicKeyText,
                  privateKey,
                  client,
                  base,
                  apiVersion == null || apiVersion.isBlank() ? null : apiVersion.strip(),
                  connectTimeout,
                  readTimeout,
                  callTimeout,
                  okHttpClient,
                  userAgentSuffix == null || userAgentSuffix.isBlank()
                      ? null
                      : userAgentSuffix.strip(),
                  retryPolicy,
                  objectMapper == null ? ConnectWiseJson.newObjectMapper() : objectMapper,
                  maxResponseBytes));
      return new ConnectWiseClient(engine, company);
    }

    private static String required(String value, String name, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(name + " is missing: set it to " + what);
      }
      String text = value.strip();
      for (int i = 0; i < text.length(); i++) {
        if (Character.isISOControl(text.charAt(i))) {
          throw new IllegalArgumentException(
              name + " contains a control character: enter it again as plain text");
        }
      }
      return text;
    }
  }
}

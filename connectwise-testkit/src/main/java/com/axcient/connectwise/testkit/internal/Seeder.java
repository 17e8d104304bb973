package com.axcient.connectwise.testkit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Fills a site with what a small MSP's ConnectWise looks like: security roles, members (an API
 * member with a default service board, technicians), service boards with statuses (one default,
 * some closed, one inactive), teams, types, subtypes, items and their valid combinations, an
 * inactive board, priorities, company statuses including {@code Imported}, companies, catalog
 * items, agreements (one expired) with additions (one cancelled), and a few tickets with notes.
 *
 * <p>Every record goes through the same checks as an API write, so the seed cannot hold what
 * ConnectWise would refuse. Records are stamped 30 days before the site's clock, so that
 * anything an embedder's test changes is visibly newer.
 */
public final class Seeder {

  /** The API member's identifier. */
  public static final String API_MEMBER = "BackupAPI";
  /** The default technician the data API acts as. */
  public static final String TECHNICIAN = "jsmith";

  private final Site site;
  private final Map<String, Long> ids = new HashMap<>();
  private Actor actor = new Actor(0, "bwilson", "Bob Wilson");

  private Seeder(Site site) {
    this.site = site;
  }

  /** Seeds the site; returns the API member's record id. */
  public static long seed(Site site) {
    Clock real = site.clock();
    site.clock(Clock.offset(real, Duration.ofDays(-30)));
    try {
      return new Seeder(site).run();
    } finally {
      site.clock(real);
    }
  }

  private long run() {
    roles();
    boards();
    members();
    priorities();
    companies();
    catalog();
    agreements();
    tickets();
    return ids.get("member:" + API_MEMBER);
  }

  private long create(String key, Kind kind, long parentId, String json) {
    ObjectNode body;
    try {
      body = (ObjectNode) Json.parse(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Seed JSON is invalid: " + json, e);
    }
    long id = site.create(kind, parentId, body, actor).path("id").asLong();
    if (key != null) {
      ids.put(key, id);
    }
    return id;
  }

  private long id(String key) {
    Long id = ids.get(key);
    if (id == null) {
      throw new IllegalStateException("Seed refers to " + key + " before creating it");
    }
    return id;
  }

  private void roles() {
    create("role:admin", Kind.SECURITY_ROLE, -1,
        "{\"name\":\"Admin\",\"roleType\":\"Corporate\",\"adminFlag\":true,\"inactiveFlag\":false}");
    create("role:tech", Kind.SECURITY_ROLE, -1,
        "{\"name\":\"Technician\",\"roleType\":\"Corporate\",\"adminFlag\":false,\"inactiveFlag\":false}");
    create("role:api", Kind.SECURITY_ROLE, -1,
        "{\"name\":\"API Integration\",\"roleType\":\"Corporate\",\"adminFlag\":false,"
            + "\"inactiveFlag\":false}");
  }

  private void boards() {
    String location = "\"location\":{\"id\":2,\"name\":\"Tampa Office\"},"
        + "\"department\":{\"id\":10,\"name\":\"Services\"}";
    long helpDesk = create("board:helpdesk", Kind.BOARD, -1,
        "{\"name\":\"Help Desk\",\"inactiveFlag\":false,\"projectFlag\":false," + location + "}");
    String[][] statuses = {
      {"New", "0", "true", "false", "false"},
      {"Assigned", "1", "false", "false", "false"},
      {"In Progress", "2", "false", "false", "false"},
      {"Waiting Customer", "3", "false", "false", "false"},
      {"Completed", "4", "false", "true", "false"},
      {"Closed", "5", "false", "true", "false"},
      {"Old - Do Not Use", "6", "false", "false", "true"},
    };
    for (String[] s : statuses) {
      create("status:helpdesk:" + s[0], Kind.BOARD_STATUS, helpDesk,
          "{\"name\":\"" + s[0] + "\",\"sortOrder\":" + s[1] + ",\"defaultFlag\":" + s[2]
              + ",\"closedStatus\":" + s[3] + ",\"inactive\":" + s[4]
              + ",\"displayOnBoard\":true,\"timeEntryNotAllowed\":false}");
    }
    boardTypes(helpDesk);

    long alerts = create("board:alerts", Kind.BOARD, -1,
        "{\"name\":\"Alerts\",\"inactiveFlag\":false,\"projectFlag\":false," + location + "}");
    create("status:alerts:New", Kind.BOARD_STATUS, alerts,
        "{\"name\":\"New\",\"sortOrder\":0,\"defaultFlag\":true,\"closedStatus\":false,\"inactive\":false}");
    create("status:alerts:Acknowledged", Kind.BOARD_STATUS, alerts,
        "{\"name\":\"Acknowledged\",\"sortOrder\":1,\"defaultFlag\":false,\"closedStatus\":false,"
            + "\"inactive\":false}");
    create("status:alerts:Resolved", Kind.BOARD_STATUS, alerts,
        "{\"name\":\"Resolved\",\"sortOrder\":2,\"defaultFlag\":false,\"closedStatus\":true,"
            + "\"inactive\":false}");
    create("type:alerts:Alert", Kind.BOARD_TYPE, alerts,
        "{\"name\":\"Alert\",\"category\":\"Reactive\",\"defaultFlag\":true,\"inactiveFlag\":false}");

    long legacy = create("board:legacy", Kind.BOARD, -1,
        "{\"name\":\"Projects - Legacy\",\"inactiveFlag\":true,\"projectFlag\":false," + location + "}");
    create("status:legacy:Open", Kind.BOARD_STATUS, legacy,
        "{\"name\":\"Open\",\"sortOrder\":0,\"defaultFlag\":true,\"closedStatus\":false,\"inactive\":false}");
    create("status:legacy:Done", Kind.BOARD_STATUS, legacy,
        "{\"name\":\"Done\",\"sortOrder\":1,\"defaultFlag\":false,\"closedStatus\":true,\"inactive\":false}");
  }

  private void boardTypes(long board) {
    String[][] types = {{"Backup", "true"}, {"Hardware", "false"}, {"Network", "false"}, {"Software", "false"}};
    for (String[] t : types) {
      create("type:" + t[0], Kind.BOARD_TYPE, board, "{\"name\":\"" + t[0]
          + "\",\"category\":\"Reactive\",\"defaultFlag\":" + t[1] + ",\"inactiveFlag\":false}");
    }
    create("type:Legacy Backup", Kind.BOARD_TYPE, board,
        "{\"name\":\"Legacy Backup\",\"category\":\"Reactive\",\"defaultFlag\":false,\"inactiveFlag\":true}");
    for (String subType : new String[] {"Backup Failed", "Backup Missed", "Replication", "Disk Space"}) {
      create("subtype:" + subType, Kind.BOARD_SUBTYPE, board,
          "{\"name\":\"" + subType + "\",\"inactiveFlag\":false}");
    }
    for (String item : new String[] {"Appliance", "Cloud Vault", "Agent"}) {
      create("item:" + item, Kind.BOARD_ITEM, board, "{\"name\":\"" + item + "\",\"inactiveFlag\":false}");
    }
    String[][] combinations = {
      {"Backup", "Backup Failed", "Appliance"},
      {"Backup", "Backup Failed", "Agent"},
      {"Backup", "Backup Missed", null},
      {"Backup", "Replication", "Cloud Vault"},
      {"Hardware", "Disk Space", "Appliance"},
    };
    for (String[] c : combinations) {
      String item = c[2] == null ? "" : ",\"item\":{\"id\":" + id("item:" + c[2]) + "}";
      create(null, Kind.TYPE_SUBTYPE_ITEM, board, "{\"type\":{\"id\":" + id("type:" + c[0])
          + "},\"subType\":{\"id\":" + id("subtype:" + c[1]) + "}" + item + "}");
    }
  }

  private void members() {
    String common = "\"licenseClass\":\"F\",\"hireDate\":\"2019-03-04T00:00:00Z\","
        + "\"defaultEmail\":\"Office\",\"defaultPhone\":\"Office\",\"timeZone\":{\"id\":1,"
        + "\"name\":\"US Eastern\"},\"defaultLocation\":{\"id\":2,\"name\":\"Tampa Office\"},"
        + "\"defaultDepartment\":{\"id\":10,\"name\":\"Services\"},";
    long admin = create("member:bwilson", Kind.MEMBER, -1, "{\"identifier\":\"bwilson\","
        + "\"firstName\":\"Bob\",\"lastName\":\"Wilson\",\"title\":\"Service Manager\","
        + "\"officeEmail\":\"bob.wilson@example-msp.com\",\"inactiveFlag\":false,\"adminFlag\":true,"
        + common + "\"securityRole\":{\"id\":" + id("role:admin") + "},"
        + "\"serviceDefaultBoard\":{\"id\":" + id("board:helpdesk") + "}}");
    actor = new Actor(admin, "bwilson", "Bob Wilson");
    create("member:" + TECHNICIAN, Kind.MEMBER, -1, "{\"identifier\":\"" + TECHNICIAN + "\","
        + "\"firstName\":\"Jane\",\"lastName\":\"Smith\",\"title\":\"Service Technician\","
        + "\"officeEmail\":\"jane.smith@example-msp.com\",\"inactiveFlag\":false," + common
        + "\"securityRole\":{\"id\":" + id("role:tech") + "},"
        + "\"serviceDefaultBoard\":{\"id\":" + id("board:helpdesk") + "}}");
    create("member:mlee", Kind.MEMBER, -1, "{\"identifier\":\"mlee\",\"firstName\":\"Maria\","
        + "\"lastName\":\"Lee\",\"title\":\"Former Technician\",\"inactiveFlag\":true," + common
        + "\"securityRole\":{\"id\":" + id("role:tech") + "}}");
    create("member:" + API_MEMBER, Kind.MEMBER, -1, "{\"identifier\":\"" + API_MEMBER + "\","
        + "\"firstName\":\"Backup\",\"lastName\":\"Integration\",\"licenseClass\":\"A\","
        + "\"hireDate\":\"2024-01-15T00:00:00Z\",\"defaultEmail\":\"Office\","
        + "\"defaultPhone\":\"Office\",\"inactiveFlag\":false,"
        + "\"securityRole\":{\"id\":" + id("role:api") + "},"
        + "\"serviceDefaultBoard\":{\"id\":" + id("board:helpdesk") + "}}");
    long helpDesk = id("board:helpdesk");
    create("team:Tier 1", Kind.BOARD_TEAM, helpDesk, "{\"name\":\"Tier 1\",\"defaultFlag\":true,"
        + "\"teamLeader\":{\"id\":" + admin + "},\"members\":[" + id("member:" + TECHNICIAN) + "]}");
    create("team:Tier 2", Kind.BOARD_TEAM, helpDesk, "{\"name\":\"Tier 2\",\"defaultFlag\":false,"
        + "\"teamLeader\":{\"id\":" + admin + "},\"members\":[" + admin + "]}");
    create("team:NOC", Kind.BOARD_TEAM, id("board:alerts"), "{\"name\":\"NOC\",\"defaultFlag\":true,"
        + "\"teamLeader\":{\"id\":" + admin + "},\"members\":[" + id("member:" + TECHNICIAN) + "]}");
  }

  private void priorities() {
    String[][] priorities = {
      {"Priority 1 - Emergency Response", "Red", "1", "Critical", "false"},
      {"Priority 2 - Quick Response", "Orange", "2", "High", "false"},
      {"Priority 3 - Normal Response", "Blue", "3", "Medium", "true"},
      {"Priority 4 - Schedule Maintenance", "Green", "4", "Low", "false"},
    };
    for (String[] p : priorities) {
      create("priority:" + p[2], Kind.PRIORITY, -1, "{\"name\":\"" + p[0] + "\",\"color\":\"" + p[1]
          + "\",\"sortOrder\":" + p[2] + ",\"level\":\"" + p[3] + "\",\"defaultFlag\":" + p[4] + "}");
    }
  }

  private void companies() {
    String[][] statuses = {
      {"Active", "true", "false", "false"},
      {"Inactive", "false", "true", "false"},
      {"Imported", "false", "false", "false"},
      {"Not-Approved", "false", "false", "true"},
      {"Credit Hold", "false", "false", "false"},
    };
    for (String[] s : statuses) {
      create("companystatus:" + s[0], Kind.COMPANY_STATUS, -1, "{\"name\":\"" + s[0]
          + "\",\"defaultFlag\":" + s[1] + ",\"inactiveFlag\":" + s[2] + ",\"disallowSavingFlag\":"
          + s[3] + ",\"notifyFlag\":false,\"customNoteFlag\":false,\"cancelOpenTracksFlag\":false}");
    }
    String[][] companies = {
      {"YourCompany", "Example MSP", "Active", "100 Main St", "Tampa", "FL", "33602"},
      {"AcmeDental", "Acme Dental Group", "Active", "42 Smile Ave", "Orlando", "FL", "32801"},
      {"ContosoLegal", "Contoso Legal LLP", "Active", "9 Court Sq", "Atlanta", "GA", "30303"},
      {"Northwind", "Northwind Traders", "Credit Hold", "77 Harbor Rd", "Savannah", "GA", "31401"},
      {"FabrikamOld", "Fabrikam (closed)", "Inactive", "5 Mill Ln", "Miami", "FL", "33101"},
      {"Catchall", "Catchall", "Active", "100 Main St", "Tampa", "FL", "33602"},
    };
    for (String[] c : companies) {
      create("company:" + c[0], Kind.COMPANY, -1, "{\"identifier\":\"" + c[0] + "\",\"name\":\""
          + c[1] + "\",\"status\":{\"id\":" + id("companystatus:" + c[2]) + "},\"addressLine1\":\""
          + c[3] + "\",\"city\":\"" + c[4] + "\",\"state\":\"" + c[5] + "\",\"zip\":\"" + c[6]
          + "\",\"country\":{\"id\":1,\"identifier\":\"US\",\"name\":\"United States\"},"
          + "\"phoneNumber\":\"8135550100\",\"website\":\"www." + c[0].toLowerCase(java.util.Locale.ROOT)
          + ".example\",\"types\":[{\"id\":1,\"name\":\"Client\"}]}");
    }
  }

  private void catalog() {
    String[][] items = {
      {"BACKUP-CLOUD-GB", "Cloud backup storage (per GB)", "0.12", "0.04", "true"},
      {"BACKUP-APPLIANCE", "Backup appliance, monthly", "149.00", "60.00", "true"},
      {"BACKUP-LEGACY", "Legacy backup plan", "99.00", "40.00", "true"},
      {"LABOR-REMOTE", "Remote support, hourly", "125.00", "45.00", "false"},
    };
    for (String[] i : items) {
      create("catalog:" + i[0], Kind.CATALOG_ITEM, -1, "{\"identifier\":\"" + i[0]
          + "\",\"description\":\"" + i[1] + "\",\"customerDescription\":\"" + i[1]
          + "\",\"subcategory\":{\"id\":4,\"name\":\"Backup\"},\"type\":{\"id\":2,\"name\":\"Service\"},"
          + "\"productClass\":\"Service\",\"price\":" + i[2] + ",\"cost\":" + i[3]
          + ",\"taxableFlag\":false,\"inactiveFlag\":" + (i[0].equals("BACKUP-LEGACY"))
          + ",\"recurringFlag\":" + i[4] + "}");
    }
  }

  private void agreements() {
    String managed = "\"type\":{\"id\":3,\"name\":\"Managed Services\"}";
    String baas = "\"type\":{\"id\":5,\"name\":\"Backup as a Service\"}";
    long acme = create("agreement:acme", Kind.AGREEMENT, -1, "{\"name\":\"Acme Dental - Backup\","
        + baas + ",\"company\":{\"id\":" + id("company:AcmeDental") + "},\"contact\":{\"id\":301,"
        + "\"name\":\"Alice Ng\"},\"startDate\":\"2024-01-01T00:00:00Z\",\"noEndingDateFlag\":true,"
        + "\"billAmount\":0,\"applicationUnits\":\"Amount\"}");
    addition(acme, "BACKUP-CLOUD-GB", "512.5", null);
    addition(acme, "BACKUP-APPLIANCE", "1", null);
    addition(acme, "BACKUP-LEGACY", "1", "2024-06-30T00:00:00Z");
    long contoso = create("agreement:contoso", Kind.AGREEMENT, -1, "{\"name\":\"Contoso Legal - "
        + "Managed Services\"," + managed + ",\"company\":{\"id\":" + id("company:ContosoLegal")
        + "},\"contact\":{\"id\":302,\"name\":\"Carlos Diaz\"},\"startDate\":\"2023-07-01T00:00:00Z\","
        + "\"noEndingDateFlag\":true}");
    addition(contoso, "BACKUP-CLOUD-GB", "2048", null);
    long northwind = create("agreement:northwind", Kind.AGREEMENT, -1, "{\"name\":\"Northwind - "
        + "Backup (expired)\"," + baas + ",\"company\":{\"id\":" + id("company:Northwind")
        + "},\"contact\":{\"id\":303,\"name\":\"Nina Park\"},\"startDate\":\"2022-01-01T00:00:00Z\","
        + "\"endDate\":\"2023-12-31T00:00:00Z\",\"noEndingDateFlag\":false}");
    addition(northwind, "BACKUP-CLOUD-GB", "100", null);
  }

  private void addition(long agreement, String product, String quantity, String cancelledDate) {
    create(null, Kind.ADDITION, agreement, "{\"product\":{\"identifier\":\"" + product
        + "\"},\"billCustomer\":\"Billable\",\"quantity\":" + quantity
        + ",\"effectiveDate\":\"2024-01-01T00:00:00Z\""
        + (cancelledDate == null ? "" : ",\"cancelledDate\":\"" + cancelledDate + "\"") + "}");
  }

  private void tickets() {
    actor = Actor.of(site.find(Kind.MEMBER, id("member:" + TECHNICIAN)).orElseThrow());
    create(null, Kind.TICKET, -1, "{\"summary\":\"Backup failed on ACME-FS01\","
        + "\"board\":{\"id\":" + id("board:helpdesk") + "},\"company\":{\"id\":"
        + id("company:AcmeDental") + "},\"type\":{\"id\":" + id("type:Backup") + "},\"subType\":{\"id\":"
        + id("subtype:Backup Failed") + "},\"item\":{\"id\":" + id("item:Appliance") + "},"
        + "\"team\":{\"id\":" + id("team:Tier 1") + "},\"initialDescription\":\"The nightly backup "
        + "of ACME-FS01 failed: the volume snapshot could not be created.\"}");
    create(null, Kind.TICKET, -1, "{\"summary\":\"Printer offline in reception\","
        + "\"company\":{\"id\":" + id("company:ContosoLegal") + "},\"status\":{\"id\":"
        + id("status:helpdesk:In Progress") + "},\"owner\":{\"id\":" + id("member:" + TECHNICIAN)
        + "},\"initialDescription\":\"Reception printer shows offline since this morning.\"}");
    create(null, Kind.TICKET, -1, "{\"summary\":\"New laptop setup for J. Doe\","
        + "\"company\":{\"id\":" + id("company:AcmeDental") + "},\"status\":{\"id\":"
        + id("status:helpdesk:Closed") + "},\"initialResolution\":\"Laptop imaged and delivered.\"}");
  }
}

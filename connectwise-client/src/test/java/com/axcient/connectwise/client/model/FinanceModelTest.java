package com.axcient.connectwise.client.model;

import static com.axcient.connectwise.client.model.ModelJson.fixture;
import static com.axcient.connectwise.client.model.ModelJson.read;
import static com.axcient.connectwise.client.model.ModelJson.text;
import static com.axcient.connectwise.client.model.ModelJson.tree;
import static com.axcient.connectwise.client.model.ModelJson.written;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Agreements, agreement additions and catalog items: the records billing works with. */
class FinanceModelTest {

  @Test
  void readsAgreement() {
    Agreement agreement = fixture("agreement.json", Agreement.class);

    assertThat(agreement.id()).hasValue(310);
    assertThat(agreement.name()).hasValue("Managed Backup");
    assertThat(agreement.type().orElseThrow().name()).hasValue("Managed Services");
    assertThat(agreement.company().orElseThrow().identifier()).hasValue("ContosoLtd");
    assertThat(agreement.contact().orElseThrow().id()).isEqualTo(77);
    assertThat(agreement.customerPO()).hasValue("PO-2024-001");
    assertThat(agreement.startDate()).hasValue(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(agreement.endDate()).hasValue(Instant.parse("2024-12-31T00:00:00Z"));
    assertThat(agreement.noEndingDateFlag()).hasValue(false);
    assertThat(agreement.cancelledFlag()).hasValue(false);
    assertThat(agreement.workOrder()).hasValue("WO-88");
    assertThat(agreement.applicationUnits()).hasValue(Agreement.ApplicationUnits.AMOUNT);
    assertThat(agreement.applicationLimit()).hasValue(new BigDecimal("1500.00"));
    assertThat(agreement.applicationCycle()).hasValue(Agreement.ApplicationCycle.CALENDAR_MONTH);
    assertThat(agreement.employeeCompRate()).hasValue(Agreement.EmployeeCompRate.ACTUAL);
    assertThat(agreement.billingCycle().orElseThrow().name()).hasValue("Monthly");
    assertThat(agreement.invoicingCycle()).hasValue(Agreement.InvoicingCycle.CONTRACT_YEAR);
    assertThat(agreement.billToContact().orElseThrow().name()).hasValue("Accounts Payable");
    assertThat(agreement.billAmount()).hasValue(new BigDecimal("2499.99"));
    assertThat(agreement.prorateFirstBill()).hasValue(new BigDecimal("0.00"));
    assertThat(agreement.billStartDate()).hasValue(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(agreement.billTime()).hasValue(BillingOption.BILLABLE);
    assertThat(agreement.billableProductInvoice()).hasValue(true);
    assertThat(agreement.agreementStatus()).hasValue(Agreement.Status.UNKNOWN);
    assertThat(agreement.customFields())
        .singleElement()
        .satisfies(f -> assertThat(f.value().map(JsonNode::textValue)).hasValue("Axcient"));
    assertThat(agreement.info()).containsKey("additions_href");
  }

  @Test
  void writesNewAgreement() {
    Agreement agreement =
        Agreement.builder()
            .name("Managed Backup")
            .type(Reference.of(4))
            .company(Reference.of(250))
            .contact(Reference.of(77))
            .startDate(Instant.parse("2024-01-01T00:00:00Z"))
            .noEndingDateFlag(true)
            .billAmount(new BigDecimal("2499.99"))
            .applicationUnits(Agreement.ApplicationUnits.HOURS)
            .billTime(BillingOption.BILLABLE)
            .build();

    assertThat(written(agreement))
        .isEqualTo(
            tree(
                """
                {
                  "name": "Managed Backup",
                  "type": {"id": 4},
                  "company": {"id": 250},
                  "contact": {"id": 77},
                  "startDate": "2024-01-01T00:00:00Z",
                  "noEndingDateFlag": true,
                  "billAmount": 2499.99,
                  "applicationUnits": "Hours",
                  "billTime": "Billable"
                }
                """));
    assertThat(read(text(agreement), Agreement.class)).isEqualTo(agreement);
  }

  @Test
  void readsAgreementAdditionWithExactQuantitiesAndMoney() {
    AgreementAddition addition = fixture("agreement-addition.json", AgreementAddition.class);

    assertThat(addition.id()).hasValue(5120);
    assertThat(addition.product().orElseThrow().id()).isEqualTo(801);
    assertThat(addition.product().orElseThrow().identifier()).hasValue("AX-BACKUP-DEVICE");
    assertThat(addition.quantity()).hasValue(new BigDecimal("25.00"));
    assertThat(addition.lessIncluded()).hasValue(new BigDecimal("0.00"));
    assertThat(addition.unitPrice()).hasValue(new BigDecimal("19.99"));
    assertThat(addition.unitCost()).hasValue(new BigDecimal("7.125"));
    assertThat(addition.billedQuantity()).hasValue(new BigDecimal("24.50"));
    assertThat(addition.extPrice()).hasValue(new BigDecimal("499.75"));
    assertThat(addition.extCost()).hasValue(new BigDecimal("178.125"));
    assertThat(addition.margin()).hasValue(new BigDecimal("321.625"));
    assertThat(addition.sequenceNumber()).hasValue(new BigDecimal("1"));
    assertThat(addition.billCustomer()).hasValue(AgreementAddition.BillCustomer.BILLABLE);
    assertThat(addition.effectiveDate()).hasValue(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(addition.cancelledDate()).isEmpty();
    assertThat(addition.agreementId()).hasValue(310);
    assertThat(addition.uom()).hasValue("Each");
    assertThat(addition.agreementStatus()).hasValue(Agreement.Status.UNKNOWN);
    assertThat(addition.invoiceGrouping().orElseThrow().name()).hasValue("Default");
    assertThat(addition.customFields()).extracting(CustomFieldValue::id).containsExactly(21L);
    assertThat(addition.info()).containsEntry("updatedBy", "AxcientApi");
  }

  @Test
  void writesNewAgreementAdditionWithExactQuantity() {
    AgreementAddition addition =
        AgreementAddition.builder()
            .product(Reference.of(801))
            .billCustomer(AgreementAddition.BillCustomer.BILLABLE)
            .quantity(new BigDecimal("0.10"))
            .unitPrice(new BigDecimal("19.99"))
            .effectiveDate(Instant.parse("2024-06-01T00:00:00Z"))
            .build();

    assertThat(text(addition)).contains("\"quantity\":0.10", "\"unitPrice\":19.99");
    assertThat(written(addition))
        .isEqualTo(
            tree(
                """
                {
                  "product": {"id": 801},
                  "billCustomer": "Billable",
                  "quantity": 0.10,
                  "unitPrice": 19.99,
                  "effectiveDate": "2024-06-01T00:00:00Z"
                }
                """));
    assertThat(read(text(addition), AgreementAddition.class)).isEqualTo(addition);
  }

  @Test
  void writesCancellationOfAnAgreementAddition() {
    AgreementAddition addition = fixture("agreement-addition.json", AgreementAddition.class);

    AgreementAddition cancelled =
        AgreementAddition.builder()
            .from(addition)
            .cancelledDate(Instant.parse("2024-06-30T00:00:00Z"))
            .build();

    assertThat(written(cancelled).get("cancelledDate").textValue())
        .isEqualTo("2024-06-30T00:00:00Z");
    assertThat(written(cancelled).get("quantity").decimalValue())
        .isEqualByComparingTo(new BigDecimal("25"));
  }

  @Test
  void readsCatalogItem() {
    CatalogItem item = fixture("catalog-item.json", CatalogItem.class);

    assertThat(item.id()).hasValue(801);
    assertThat(item.identifier()).hasValue("AX-BACKUP-DEVICE");
    assertThat(item.description()).hasValue("Axcient backup per device");
    assertThat(item.inactiveFlag()).hasValue(false);
    assertThat(item.subcategory().orElseThrow().name()).hasValue("Backup");
    assertThat(item.type().orElseThrow().id()).isEqualTo(3);
    assertThat(item.productClass()).hasValue(CatalogItem.ProductClass.UNKNOWN);
    assertThat(item.unitOfMeasure().orElseThrow().name()).hasValue("Each");
    assertThat(item.price()).hasValue(new BigDecimal("19.99"));
    assertThat(item.cost()).hasValue(new BigDecimal("7.125"));
    assertThat(item.customerDescription())
        .hasValue("Axcient x360Recover backup, billed per protected device");
    assertThat(item.manufacturer().orElseThrow().name()).hasValue("Axcient");
    assertThat(item.vendor().orElseThrow().identifier()).hasValue("Axcient");
    assertThat(item.vendorSku()).hasValue("X360-DEV-M");
    assertThat(item.integrationXRef()).hasValue("axcient:sku:x360-dev");
    assertThat(item.recurringFlag()).hasValue(true);
    assertThat(item.recurringRevenue()).hasValue(new BigDecimal("19.99"));
    assertThat(item.recurringBillCycle().orElseThrow().name()).hasValue("Monthly");
    assertThat(item.billableOption()).hasValue(BillingOption.BILLABLE);
    assertThat(item.agreementType().orElseThrow().id()).isEqualTo(4);
    assertThat(item.customFields()).isEmpty();
    assertThat(item.info()).containsEntry("lastUpdated", "2024-04-01T07:00:00Z");
  }

  @Test
  void writesNewCatalogItem() {
    CatalogItem item =
        CatalogItem.builder()
            .identifier("AX-BACKUP-SERVER")
            .description("Axcient backup per server")
            .customerDescription("Axcient backup, billed per protected server")
            .subcategory(Reference.of(12))
            .type(Reference.of(3))
            .productClass(CatalogItem.ProductClass.SERVICE)
            .price(new BigDecimal("49.00"))
            .build();

    assertThat(written(item))
        .isEqualTo(
            tree(
                """
                {
                  "identifier": "AX-BACKUP-SERVER",
                  "description": "Axcient backup per server",
                  "customerDescription": "Axcient backup, billed per protected server",
                  "subcategory": {"id": 12},
                  "type": {"id": 3},
                  "productClass": "Service",
                  "price": 49.00
                }
                """));
    assertThat(read(text(item), CatalogItem.class)).isEqualTo(item);
  }
}

package org.tesseracrm.sampledata.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.tesseracrm.accounts.api.Account;
import org.tesseracrm.accounts.api.AccountService;
import org.tesseracrm.accounts.api.AccountType;
import org.tesseracrm.campaigns.api.Campaign;
import org.tesseracrm.campaigns.api.CampaignService;
import org.tesseracrm.campaigns.api.CampaignStatus;
import org.tesseracrm.campaigns.api.CampaignType;
import org.tesseracrm.campaigns.api.MemberAddition;
import org.tesseracrm.campaigns.api.MemberType;
import org.tesseracrm.commerce.api.LineItem;
import org.tesseracrm.contacts.api.Contact;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.leads.api.Lead;
import org.tesseracrm.leads.api.LeadRating;
import org.tesseracrm.leads.api.LeadService;
import org.tesseracrm.platform.api.Address;
import org.tesseracrm.platform.api.ConflictException;
import org.tesseracrm.platform.api.LeadSource;
import org.tesseracrm.platform.api.ListQuery;
import org.tesseracrm.platform.rest.TesseraApi;
import org.tesseracrm.potentials.api.Potential;
import org.tesseracrm.potentials.api.PotentialService;
import org.tesseracrm.potentials.api.PotentialStage;
import org.tesseracrm.products.api.Product;
import org.tesseracrm.products.api.ProductService;
import org.tesseracrm.products.api.StockAdjustment;
import org.tesseracrm.quotes.api.Quote;
import org.tesseracrm.quotes.api.QuoteService;
import org.tesseracrm.vendors.api.Vendor;
import org.tesseracrm.vendors.api.VendorService;
import org.tesseracrm.platform.rest.Access;

/**
 * {@code POST /api/v1/sample-data} (administrators, on request only): a believable Vietnamese and
 * English data set in every installed module — accounts, contacts, leads at each step of the
 * funnel, potentials across the pipeline, a vendor and products with stock, a quote, a campaign
 * with members — so a new user sees a living CRM. Loaded once: a second request is a 409.
 */
@Component(service = SampleDataResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(TesseraApi.APPLICATION_SELECT)
@Path("sample-data")
@Produces(MediaType.APPLICATION_JSON)
public class SampleDataResource {
    static final String MARKER = "Sao Mai Trading JSC";
    private static final String USER = "sample";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AccountService accounts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ContactService contacts;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile LeadService leads;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PotentialService potentials;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile VendorService vendors;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ProductService products;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile QuoteService quotes;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CampaignService campaigns;

    @POST
    @Access(Access.Level.ADMIN)
    public synchronized Response load() {
        AccountService accountService = accounts;
        if (accountService != null && accountService.count(new ListQuery(MARKER, Map.of(), List.of(), null, null, false)) > 0) {
            throw new ConflictException("The sample data is loaded already");
        }
        Map<String, Integer> created = new LinkedHashMap<>();
        List<String> accountIds = new ArrayList<>();
        if (accountService != null) {
            accountIds.add(accountService.create(account(MARKER, AccountType.CUSTOMER, "Bán lẻ", "Hồ Chí Minh"), USER).id);
            accountIds.add(accountService.create(account("Công ty TNHH Đặng Gia", AccountType.CUSTOMER, "Sản xuất", "Hà Nội"), USER).id);
            accountIds.add(accountService.create(account("Mekong Logistics Co.", AccountType.PROSPECT, "Logistics", "Cần Thơ"), USER).id);
            created.put("accounts", accountIds.size());
        }
        List<String> contactIds = new ArrayList<>();
        ContactService contactService = contacts;
        if (contactService != null) {
            String[][] people = {{"Trần Thị", "Mai", "Trưởng phòng mua hàng"}, {"Đặng Văn", "Hùng", "Giám đốc"},
                {"Emily", "Nguyen", "Operations manager"}, {"Lê Minh", "Tuấn", "Kế toán trưởng"}};
            for (int i = 0; i < people.length; i++) {
                Contact c = new Contact();
                c.firstName = people[i][0];
                c.lastName = people[i][1];
                c.title = people[i][2];
                c.accountId = accountIds.isEmpty() ? null : accountIds.get(i % accountIds.size());
                c.email = "contact" + (i + 1) + "@example.vn";
                contactIds.add(contactService.create(c, USER).id);
            }
            created.put("contacts", contactIds.size());
        }
        // The campaign comes before the leads it brought in, so they carry its id and its results count them.
        CampaignService campaignService = campaigns;
        String campaignId = null;
        if (campaignService != null) {
            Campaign c = new Campaign();
            c.name = "Hội chợ Xuân 2027 / Spring Fair 2027";
            c.type = CampaignType.TRADE_SHOW;
            c.status = CampaignStatus.ACTIVE;
            c.budget = BigDecimal.valueOf(50_000_000L);
            c.actualCost = BigDecimal.valueOf(20_000_000L);
            c.startDate = LocalDate.now();
            c.endDate = LocalDate.now().plusMonths(1);
            campaignId = campaignService.create(c, USER).id;
        }
        LeadService leadService = leads;
        List<String> leadIds = new ArrayList<>();
        if (leadService != null) {
            Object[][] data = {{"Nguyễn Văn", "An", "Nhà sách Phương Nam", LeadSource.TRADE_SHOW, LeadRating.HOT},
                {"Phạm Thị", "Bích", "Cà phê Sáng", LeadSource.WEBSITE, LeadRating.WARM},
                {"John", "Carter", "Carter & Sons Ltd", LeadSource.PARTNER, LeadRating.COLD},
                {"Võ Thành", "Đạt", "Điện máy Thành Đạt", LeadSource.COLD_CALL, LeadRating.WARM},
                {"Hoàng Lan", "Anh", "Spa Lan Anh", LeadSource.WORD_OF_MOUTH, LeadRating.HOT},
                {"Maria", "Santos", "Santos Imports", LeadSource.ADVERTISEMENT, LeadRating.COLD}};
            for (Object[] d : data) {
                Lead l = new Lead();
                l.firstName = (String) d[0];
                l.lastName = (String) d[1];
                l.company = (String) d[2];
                l.source = (LeadSource) d[3];
                l.rating = (LeadRating) d[4];
                l.phone = "09" + Math.abs(l.company.hashCode() % 100_000_000);
                l.campaignId = campaignId;
                leadIds.add(leadService.create(l, USER).id);
            }
            created.put("leads", leadIds.size());
        }
        PotentialService pipeline = potentials;
        List<String> potentialIds = new ArrayList<>();
        if (pipeline != null && !accountIds.isEmpty()) {
            Object[][] deals = {{"Máy POS cho 12 cửa hàng", 480_000_000L, PotentialStage.PROPOSAL_PRICE_QUOTE, 1},
                {"Dây chuyền đóng gói", 1_250_000_000L, PotentialStage.NEGOTIATION_REVIEW, 2},
                {"Warehouse scanners", 320_000_000L, PotentialStage.QUALIFICATION, 3},
                {"Bảo trì năm 2027", 95_000_000L, PotentialStage.CLOSED_WON, 1}};
            for (int i = 0; i < deals.length; i++) {
                Potential p = new Potential();
                p.name = (String) deals[i][0];
                p.amount = BigDecimal.valueOf((Long) deals[i][1]);
                p.stage = (PotentialStage) deals[i][2];
                p.accountId = accountIds.get(i % accountIds.size());
                p.contactId = contactIds.isEmpty() ? null : contactIds.get(i % contactIds.size());
                p.closeDate = LocalDate.now().plusMonths((Integer) deals[i][3]);
                potentialIds.add(pipeline.create(p, USER).id);
            }
            created.put("potentials", potentialIds.size());
        }
        List<String> productIds = new ArrayList<>();
        VendorService vendorService = vendors;
        ProductService catalogue = products;
        if (catalogue != null) {
            String vendorId = null;
            if (vendorService != null) {
                Vendor v = new Vendor();
                v.name = "Nhà phân phối Minh Phát";
                v.code = "MP-SAMPLE";
                vendorId = vendorService.create(v, USER).id;
                created.put("vendors", 1);
            }
            Object[][] items = {{"Máy in hóa đơn nhiệt", "PRN-80-S", 2_500_000L, 10, true, 25},
                {"Máy quét mã vạch", "SCN-2D-S", 1_800_000L, 10, true, 40},
                {"Gói lắp đặt và đào tạo", "SVC-INST-S", 1_500_000L, 8, false, 0}};
            for (Object[] it : items) {
                Product p = new Product();
                p.name = (String) it[0];
                p.code = (String) it[1];
                p.unitPrice = BigDecimal.valueOf((Long) it[2]);
                p.taxRate = BigDecimal.valueOf((Integer) it[3]);
                p.stockTracked = (Boolean) it[4];
                p.vendorId = vendorId;
                p.usageUnit = p.stockTracked ? "cái" : "gói";
                p.reorderLevel = p.stockTracked ? BigDecimal.valueOf(5) : null;
                String id = catalogue.create(p, USER).id;
                productIds.add(id);
                if ((Integer) it[5] > 0) {
                    StockAdjustment opening = new StockAdjustment();
                    opening.quantity = BigDecimal.valueOf((Integer) it[5]);
                    opening.reason = "ADJUSTMENT";
                    opening.note = "Opening stock (sample data)";
                    catalogue.adjust(id, opening, USER);
                }
            }
            created.put("products", productIds.size());
        }
        QuoteService quoteService = quotes;
        if (quoteService != null && !potentialIds.isEmpty() && productIds.size() >= 3) {
            Quote q = new Quote();
            q.subject = "Báo giá máy POS cho 12 cửa hàng";
            q.potentialId = potentialIds.get(0);
            q.lineItems = List.of(line(productIds.get(0), 12, 5), line(productIds.get(1), 12, null), line(productIds.get(2), 1, null));
            q.terms = "Thanh toán trong 30 ngày; bảo hành 12 tháng.";
            quoteService.create(q, USER);
            created.put("quotes", 1);
        }
        if (campaignId != null) {
            if (!leadIds.isEmpty()) {
                MemberAddition members = new MemberAddition();
                members.type = MemberType.LEAD;
                members.ids = leadIds;
                campaignService.addMembers(campaignId, members, USER);
            }
            created.put("campaigns", 1);
        }
        return Response.status(Response.Status.CREATED).entity(Map.of("created", created)).build();
    }

    private static Account account(String name, AccountType type, String industry, String city) {
        Account a = new Account();
        a.name = name;
        a.type = type;
        a.industry = industry;
        a.phone = "028 3822 " + Math.abs(name.hashCode() % 10_000);
        Address address = new Address();
        address.city = city;
        address.country = "Việt Nam";
        a.billingAddress = address;
        return a;
    }

    private static LineItem line(String productId, int quantity, Integer discountPercent) {
        LineItem l = new LineItem();
        l.productId = productId;
        l.quantity = BigDecimal.valueOf(quantity);
        l.discountPercent = discountPercent == null ? null : BigDecimal.valueOf(discountPercent);
        return l;
    }
}

// Knowing what devices, cloud resources and applications the company has, who owns them and their state.
import { POLICY_TEMPLATE_CONTROLS } from "./controls.ts";
import type { PolicyTemplate } from "./types.ts";
import { IT_LEAD, SECURITY_OFFICER } from "./variables.ts";

export const assetManagementPolicy: PolicyTemplate = {
  id: "asset-management",
  title: "Asset Management Policy",
  summary:
    "Requires an inventory of devices, cloud resources and applications with owners, sets " +
    "device standards, and governs how assets are issued, returned and disposed of.",
  categories: [],
  criteria: ["CC2.1", "CC5.3", "CC6.1", "CC6.5", "CC6.7", "CC6.8"],
  controls: POLICY_TEMPLATE_CONTROLS["asset-management"],
  ownerRole: "it",
  reviewMonths: 12,
  variables: [
    IT_LEAD,
    SECURITY_OFFICER,
    {
      name: "device_reconciliation_frequency",
      label: "Inventory reconciliation",
      default: "quarter",
      help: "How often the device inventory is compared with the list of current staff.",
    },
    {
      name: "device_return_days",
      label: "Days to return devices after leaving",
      default: "5 business days",
      help: "How long a leaver has to return company devices after their last day.",
    },
  ],
  body: `## Purpose

You cannot protect what you do not know you have. This policy makes sure {{organization}} keeps an accurate record of its devices, cloud resources and applications, that each has an owner responsible for it, and that assets are kept secure from the day they are issued to the day they are disposed of.

## Scope

This policy covers:

- laptops, phones and other devices owned by {{organization}} or used for company work;
- cloud accounts and the resources in them that support the service;
- SaaS applications and other software used to run the business or that hold company data.

It applies to all staff, and to contractors issued company assets.

## Roles and responsibilities

- **{{it_lead}}** owns this policy, keeps the device and application inventory, issues and recovers devices and arranges disposal.
- **{{security_officer}}** checks that the inventory is complete and that device settings meet the standard below.
- **Asset owners**, the people or teams named against each asset, keep its record current and approve changes to it.
- **Device users** look after the devices issued to them and return them when asked or when they leave.

## Policy statements

### Inventory

- The inventory lists every laptop and mobile device, every cloud account, and every in-scope software or SaaS system, each with an owner and the classification of the data it holds.
- Device and cloud entries are pulled automatically from device management and the cloud providers' interfaces where possible, so the inventory stays current without manual updates.
- New applications are added to the inventory when approved through the vendor management process, before they hold company data.
- Every {{device_reconciliation_frequency}}, {{it_lead}} reconciles the device inventory with the list of current staff: every device has a current holder or is in stock, and every active person has the devices expected for their role.

### Device standard

- Company laptops are enrolled in device management before they are issued.
- Device management enforces full-disk encryption, screen lock, operating system updates, the host firewall and endpoint protection.
- A device that falls out of compliance is flagged and cannot reach company applications until fixed.
- Personal devices may reach company email and chat only if enrolled in the company's mobile management profile, and may not hold restricted data.

### Issue and return

- Devices are issued as part of the onboarding checklist and recorded against the person.
- Leavers return all company devices, badges and media within {{device_return_days}} of their last day, as part of the offboarding checklist. Devices not returned are locked and wiped remotely.
- Returned devices are wiped through device management before reuse.

### Lost and stolen assets

- A lost or stolen device is reported immediately to {{it_lead}}, locked and wiped remotely, and recorded. If it may have held restricted data, the loss is handled as an incident.

### Disposal

- Devices and storage media at end of life are destroyed by a certified vendor that issues a certificate of destruction, or securely wiped using a method that prevents recovery. The inventory is updated with the disposal date and record.
- Cloud resources that are no longer needed are deleted, along with their snapshots and keys where appropriate, and removed from the inventory.

## Exceptions

Devices that cannot be enrolled in device management, such as test hardware, are approved by {{security_officer}}, kept off production and customer data, and listed in the inventory with the exception noted.

## Enforcement

Non-compliant devices lose access automatically. Failure to return company assets may be pursued under the employment or contractor agreement, and deliberately disabling device controls may lead to disciplinary action.

## Review

{{it_lead}} reviews this policy at least yearly and when device types, management tools or working arrangements change.
`,
};

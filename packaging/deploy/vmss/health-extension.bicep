// Adds the Application Health extension (rich health states) to an existing Linux scale set, probing
// sriov-agent's /health. The reasoning behind every number is in README.md beside this file.
//   az deployment group create -g <rg> -f health-extension.bicep -p vmssName=<scale set>
// If your own template declares the scale set, put the extension in its extensionProfile instead.

@description('Name of the existing scale set (its VMs run sriov-agent).')
param vmssName string

@description('sriov-agent --listen port (default 9798).')
param port int = 9798

resource vmss 'Microsoft.Compute/virtualMachineScaleSets@2023-09-01' existing = {
  name: vmssName
}

resource health 'Microsoft.Compute/virtualMachineScaleSets/extensions@2023-09-01' = {
  parent: vmss
  name: 'HealthExtension'
  properties: {
    publisher: 'Microsoft.ManagedServices'
    type: 'ApplicationHealthLinux'
    typeHandlerVersion: '2.0'
    autoUpgradeMinorVersion: true
    settings: {
      protocol: 'http'
      port: port
      requestPath: '/health'
      intervalInSeconds: 5
      numberOfProbes: 6
      gracePeriod: 600
    }
  }
}

// Automatic repairs belong to the scale set resource: set them in the template that declares it:
//   properties: {
//     automaticRepairsPolicy: {
//       enabled: true
//       gracePeriod: 'PT30M'
//       repairAction: 'Replace'
//     }
//   }
// or once from the command line (az-commands.sh).

<#
.SYNOPSIS
    Stops and removes the sriov-agent Windows service and its files.

.DESCRIPTION
    Uses "java -jar sriov-agent.jar service uninstall" (stop, wait, delete) when Java and the jar are there,
    else sc.exe. Then deletes the install directory unless -KeepFiles is given. Needs an elevated PowerShell.

.PARAMETER InstallDir
    The directory install.ps1 used. Default: "$env:ProgramFiles\sriov-agent".

.PARAMETER JavaHome
    A Java 17+ installation. Default: $env:JAVA_HOME, else the java.exe found on PATH.

.PARAMETER KeepFiles
    Leave the jar and config.json in place.

.EXAMPLE
    .\uninstall.ps1
#>
[CmdletBinding()]
param(
    [string] $InstallDir = (Join-Path $env:ProgramFiles 'sriov-agent'),
    [string] $JavaHome = $env:JAVA_HOME,
    [switch] $KeepFiles
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$ServiceName = 'sriov-agent'

$identity = [Security.Principal.WindowsIdentity]::GetCurrent()
if (-not (New-Object Security.Principal.WindowsPrincipal($identity)).IsInRole(
        [Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'Run this script from an elevated PowerShell (Run as Administrator).'
}

# Windows PowerShell turns a native program's stderr into error records: relax the preference for the call.
function Invoke-Native([string] $Program, [string[]] $Arguments) {
    $previous = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    try {
        $lines = & $Program @Arguments 2>&1 | ForEach-Object { "$_" }
        $code = $LASTEXITCODE
    } finally {
        $ErrorActionPreference = $previous
    }
    return New-Object PSObject -Property @{ ExitCode = $code; Text = ($lines -join [Environment]::NewLine) }
}

if (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) {
    $jar = Join-Path $InstallDir 'sriov-agent.jar'
    $java = $null
    if ($JavaHome -and (Test-Path -LiteralPath (Join-Path $JavaHome 'bin\java.exe'))) {
        $java = Join-Path $JavaHome 'bin\java.exe'
    } else {
        $command = Get-Command 'java.exe' -CommandType Application -ErrorAction SilentlyContinue |
            Select-Object -First 1
        if ($null -ne $command) { $java = $command.Path }
    }
    if ($null -ne $java -and (Test-Path -LiteralPath $jar)) {
        $result = Invoke-Native $java @('-jar', $jar, 'service', 'uninstall')
    } else {
        Write-Warning 'Java or the jar is missing: removing the service with sc.exe.'
        Stop-Service -Name $ServiceName -ErrorAction SilentlyContinue
        $result = Invoke-Native 'sc.exe' @('delete', $ServiceName)
    }
    if ($result.ExitCode -ne 0) {
        throw "Removing the service failed: $($result.Text)"
    }
    $deadline = (Get-Date).AddSeconds(30)
    while (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) {
        if ((Get-Date) -gt $deadline) {
            throw "Service '$ServiceName' is still registered after 30 s; close the Services console and retry."
        }
        Start-Sleep -Milliseconds 500
    }
    Write-Host "Service $ServiceName removed."
} else {
    Write-Host "Service $ServiceName is not installed."
}

if (-not $KeepFiles -and (Test-Path -LiteralPath $InstallDir)) {
    Remove-Item -LiteralPath $InstallDir -Recurse -Force
    Write-Host "Removed $InstallDir."
}

<#-- Macros and functions for content pages, imported as "p". -->
<#-- A figure by id: numbered, captioned and linked at build time. -->
<#macro figure id>

<div class="figure-slot" data-figure="${id}"></div>

</#macro>
<#-- The verdict badge of a claim, with the rule and the numbers behind it. -->
<#macro verdict claim>

<div class="verdict-slot" data-claim="${claim}"></div>

</#macro>
<#-- Number with d decimals. -->
<#function f x d=2>
  <#if d == 0><#return x?string("0")></#if>
  <#return x?string("0." + ""?left_pad(d, "0"))>
</#function>
<#-- Percentage (x already in percent) with d decimals and a % sign. -->
<#function pct x d=2>
  <#return f(x, d) + "%">
</#function>
<#-- Fraction (0..1) shown as a percentage. -->
<#function pctOf x d=1>
  <#return f(100 * x, d) + "%">
</#function>
<#-- Two significant digits: plain between 0.001 and 9999 (0.95, 0.0067, 42), else a power of ten written with
     superscript characters and no-break spaces, 1.2 × 10⁻⁵, so that it never splits across lines, and a real
     minus sign. -->
<#function sci x>
  <#if x == 0><#return "0"></#if>
  <#local parts = x?string("0.0E0")?split("E")>
  <#local e = parts[1]?number>
  <#if e gte -3 && e lte 3>
    <#return x?string((e gte 1)?then("0", "0." + ""?left_pad(1 - e, "0")))?replace("-", "−")>
  </#if>
  <#local superscripts = {"-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷",
    "8": "⁸", "9": "⁹"}>
  <#local power = "">
  <#list e?c?split("") as ch><#local power = power + superscripts[ch]></#list>
  <#return parts[0]?replace("-", "−") + "\x00A0×\x00A010" + power>
</#function>
<#-- The row of a table whose fields match, e.g. row(book.rows, {"hidden": 30, "init": "old"}). -->
<#function row rows match>
  <#list rows as r>
    <#assign ok = true>
    <#list match as k, v><#if r[k] != v><#assign ok = false></#if></#list>
    <#if ok><#return r></#if>
  </#list>
  <#stop "no row matches " + match?keys?join(",")>
</#function>
